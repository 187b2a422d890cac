//! rocket 0.5: [`Responder`], the derive, and [`catchers`] with the data guard
//! [`Json`] make the errors Rocket answers itself come out in the same shape.
//!
//! A type that derives [`Responder`] is a handler's error type: Rocket implements `Responder` for
//! `Result<T, E>` when both sides are responders. Its responder always returns
//! `Ok(Response)`: an `Err(Status)` would hand the request to a catcher, which would replace
//! the body.
//!
//! Everything else Rocket answers through its catchers; register httperr's once per app,
//! and take JSON bodies with [`Json`]:
//!
//! ```
//! use rocket::local::blocking::Client;
//!
//! #[derive(serde::Deserialize)]
//! struct CreateUser {
//!     email: String,
//! }
//!
//! #[rocket::get("/users/<id>")]
//! fn user(id: u64) -> String {
//!     id.to_string()
//! }
//!
//! #[rocket::post("/users", data = "<body>")]
//! fn create_user(body: httperr::rocket::Json<CreateUser>) -> String {
//!     body.into_inner().email
//! }
//!
//! let rocket = rocket::build()
//!     .mount("/", rocket::routes![user, create_user])
//!     .register("/", httperr::rocket::catchers());
//! let client = Client::tracked(rocket).unwrap();
//! let response = client.get("/users/abc").dispatch();
//! assert_eq!(response.status().code, 400);
//! assert_eq!(
//!     response.into_string().unwrap(),
//!     r#"{"error":"invalid path: `id` has the wrong type"}"#
//! );
//! ```
//!
//! What the catcher answers (in JSON here; [`catchers_with`] takes the app's format):
//!
//! | request | status | body |
//! |---|---|---|
//! | no route matches the path | 404 | `{"error":"Not Found"}` |
//! | routes match the path, none with the method (`PUT /users` beside `POST /users`) | 405, `Allow: POST` | `{"error":"Method Not Allowed"}` |
//! | a path parameter does not parse (`/users/abc` for `<id>: u64`) | 400 | `` {"error":"invalid path: `id` has the wrong type"} `` |
//! | a query parameter does not parse | 400 | `` {"error":"invalid query: `page` has the wrong type"} `` |
//! | a [`Json`] body that is not `application/json` | 415 | `{"error":"expected a JSON body (content-type: application/json)"}` |
//! | a [`Json`] body over the app's `json` limit | 413 | `{"error":"the request body is too large"}` |
//! | a [`Json`] body that does not parse (`{"email":`) | 400 | `{"error":"invalid JSON body: it ends early (line 1, column 9)"}` |
//! | a [`Json`] body of the wrong shape (`{"email": 42}`) | 422 | `{"error":"invalid JSON body: a value has the wrong type (line 1, column 12)"}` |
//! | a handler panics (Rocket catches it) | 500 | `{"error":"Internal Server Error"}` |
//! | any other status Rocket answers itself (a guard's 401, ...) | that status | its reason phrase, `{"error":"Unauthorized"}` |
//!
//! How the catcher knows, since Rocket tells a catcher only the status:
//!
//! - **405.** Rocket's router matches the method first and answers a wrong one with a 404
//!   (Rocket keeps 405s out of the router for their cost: rwf2/Rocket#1224). The catcher looks
//!   up the mounted routes whose path matches the request's; when there are some and none has
//!   the request's method, it is a 405 listing theirs (`GET` implies `HEAD`, which Rocket
//!   answers with the `GET` route). That costs only requests that are 404s anyway.
//! - **Parameters.** A path or query parameter that does not parse makes Rocket forward with
//!   422; the catcher answers 400 and names the parameter when the route has only one (of the
//!   path, or of the query). Rocket's own `Json` and `Form` guards fail with 422 too, and would
//!   be reported as a parameter on a route that has some: use [`Json`] for bodies.
//! - **Bodies.** [`Json`] leaves the rejection it failed with in the request-local cache, where
//!   the catcher finds it.
//! - **Panics.** Rocket catches a handler's panic and calls the 500 catcher, which cannot tell a
//!   panic from a guard or responder that failed with 500. With the `tracing` feature the 500
//!   is logged at error level (Rocket itself logs the panic through `log`); no response ever
//!   carries the panic's message.
//!
//! Rocket writes `content-length` itself from the sized body. Rocket header values are `str`:
//! a value that is not UTF-8 — which only a hand-written `insert_headers` can produce — is left
//! out, as the derive does with a header value that turns out invalid at run time, and logged
//! with the `tracing` feature.

pub use super::rocket_errors::{Json, catchers, catchers_with};

/// Derives Rocket's `Responder<'r, 'static>` for a type that also derives [`HttpError`](crate::HttpError): the
/// response is exactly [`to_response`](crate::HttpError::to_response)'s. A derive of its own,
/// so that turning this crate's feature on never adds an impl to a type that did not ask for
/// one (a type with a hand-written impl keeps compiling).
///
/// ```
/// #[derive(Debug, httperr::HttpError, httperr::rocket::Responder)]
/// enum UserError {
///     #[status(404, "user {0} not found")]
///     NotFound(u64),
/// }
///
/// fn responder<'r, T: rocket::response::Responder<'r, 'static>>() {}
/// responder::<UserError>(); // #[get("/")] fn h() -> Result<Json<User>, UserError> is a route
/// ```
#[cfg(feature = "derive")]
pub use httperr_macros::RocketResponder as Responder;

use bytes::Bytes;
use http::header::CONTENT_LENGTH;
use rocket::Response;
use rocket::http::Status;
use std::io::Cursor;

/// The body of the generated `Responder::respond_to`: `to_response()` in Rocket's own types,
/// with its status, headers (in order, repeated names kept) and body bytes, `content-length`
/// left to Rocket (copied, it would be sent twice).
#[doc(hidden)]
pub fn respond_to<E: crate::HttpError + ?Sized>(error: &E) -> rocket::response::Result<'static> {
    let (parts, body) = error.to_response().into_parts();
    let mut response = Response::new();
    response.set_status(Status::new(parts.status.as_u16()));
    for (name, value) in &parts.headers {
        if name == CONTENT_LENGTH {
            continue;
        }
        match value.to_str() {
            Ok(value) => response.adjoin_raw_header(name.as_str().to_owned(), value.to_owned()),
            Err(_not_utf8) => {
                #[cfg(feature = "tracing")]
                tracing::warn!(header = %name, "httperr left out a header whose value Rocket cannot carry (not UTF-8)");
            }
        }
    }
    let length = body.len();
    response.set_sized_body(length, Cursor::<Bytes>::new(body));
    Ok(response)
}

// The derive's impl generics go after our own lifetime: `impl<'r, >` is valid when the type
// has none, and lifetimes must come first when it has some. The name is one a user type is
// unlikely to declare itself. `Self: HttpError` covers bounds the derive inferred beyond the
// type's own where clause; behind a higher-ranked lifetime, a bound that does not hold leaves
// the impl out instead of failing to compile (a plain bound on a non-generic type is checked
// eagerly, E0277).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_rocket {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<'__httperr_r, $($generics)*> $crate::__private::rocket::response::Responder<'__httperr_r, 'static>
            for $ty
        where
            for<'__httperr> Self: $crate::HttpError,
            $($where)*
        {
            fn respond_to(
                self,
                _: &'__httperr_r $crate::__private::rocket::Request<'_>,
            ) -> $crate::__private::rocket::response::Result<'static> {
                $crate::__private::glue::rocket::respond_to(&self)
            }
        }
    };
}
