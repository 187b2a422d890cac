//! warp 0.4: the recover, filters and panic guard through which warp's own rejections answer
//! as [`Rejection`]s (re-exported by `httperr::warp`, whose documentation says what each case
//! answers).

use core::future::{Future, Ready, ready};
use core::task::Poll;
use std::convert::Infallible;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;

use http::StatusCode;
use serde::de::DeserializeOwned;
use warp::Filter;
use warp::body::BodyDeserializeError;
use warp::reject::{
    InvalidHeader, InvalidQuery, LengthRequired, MethodNotAllowed, MissingCookie, MissingHeader,
    PayloadTooLarge, UnsupportedMediaType,
};
use warp::reply::Response;

use crate::{BodyFormat, HttpError, Rejection};

/// The last recover of an app, answering every rejection in JSON: `.recover(httperr::warp::recover_any)`
/// after any [`recover::<E>`](crate::warp::recover) of the app's own error types. See
/// [the module](crate::warp) for what each rejection answers.
///
/// A rejection that has come through `.or(...)` carries every route's cause; as warp does, this
/// answers with the one that says most (a 405 over a 404, anything else over both, a higher
/// status over a lower). Its error type is `Infallible`: after it, the app answers everything.
///
/// ```
/// use warp::Filter;
///
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     // warp's test requests are in memory: the future is ready at once.
/// #     let mut future = std::pin::pin!(future);
/// #     let mut context = std::task::Context::from_waker(std::task::Waker::noop());
/// #     loop {
/// #         if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
/// #             return output;
/// #         }
/// #     }
/// # }
/// let users = warp::path("users").and(warp::path::end()).and(warp::post()).map(|| "created");
/// let app = users.recover(httperr::warp::recover_any);
///
/// let response = block_on(warp::test::request().path("/nope").reply(&app));
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.body().as_ref(), br#"{"error":"Not Found"}"#);
///
/// // warp's 405 does not know the path's methods: there is no `Allow`.
/// let response = block_on(warp::test::request().method("PUT").path("/users").reply(&app));
/// assert_eq!(response.status(), 405);
/// assert!(response.headers().get("allow").is_none());
/// assert_eq!(response.body().as_ref(), br#"{"error":"Method Not Allowed"}"#);
/// ```
pub fn recover_any(rejection: warp::Rejection) -> Ready<Result<Response, Infallible>> {
    ready(Ok(answer(&rejection, BodyFormat::Json)))
}

/// [`recover_any`] answering in `format`: `.recover(httperr::warp::recover_any_as(BodyFormat::Problem {
/// type_uri: "about:blank" }))` for problem details.
///
/// ```
/// use httperr::BodyFormat;
///
/// let recover = httperr::warp::recover_any_as(BodyFormat::Problem { type_uri: "about:blank" });
/// let response = recover(warp::reject::not_found()).into_inner().unwrap();
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
pub fn recover_any_as(
    format: BodyFormat,
) -> impl Fn(warp::Rejection) -> Ready<Result<Response, Infallible>> + Clone + Send + Sync + 'static
{
    move |rejection| ready(Ok(answer(&rejection, format)))
}

/// The response for `rejection`: its preferred cause as a [`Rejection`] in `format`.
fn answer(rejection: &warp::Rejection, format: BodyFormat) -> Response {
    #[cfg(feature = "tracing")]
    tracing::debug!(rejection = ?rejection, "warp rejected the request");
    super::warp::into_response(&preferred(rejection).with_format(format))
}

/// warp's order of preference among the causes a rejection carries (its own is private): a
/// 404 least, then a 405, then the higher status.
fn rank(rejection: &Rejection) -> (u8, StatusCode) {
    let status = rejection.status();
    match status {
        StatusCode::NOT_FOUND => (0, status),
        StatusCode::METHOD_NOT_ALLOWED => (1, status),
        _ => (2, status),
    }
}

/// The preferred cause of `rejection`, from what warp lets a recover find: its rejection types
/// that are public, and the [`Rejection`]s httperr's filters reject with.
fn preferred(rejection: &warp::Rejection) -> Rejection {
    if rejection.is_not_found() {
        return Rejection::not_found();
    }
    let mut causes: Vec<Rejection> = Vec::new();
    if let Some(own) = rejection.find::<Rejection>() {
        causes.push(own.clone());
    }
    if rejection.find::<MethodNotAllowed>().is_some() {
        // warp's 405 does not say which methods the path has: no `Allow` can be given.
        causes.push(Rejection::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "Method Not Allowed",
        ));
    }
    if rejection.find::<InvalidQuery>().is_some() {
        // warp drops the deserializer's text (it logs it at debug).
        causes.push(Rejection::parameter("query", "", None));
    }
    if let Some(header) = rejection.find::<MissingHeader>() {
        causes.push(bad_request(format!(
            "the `{}` header is missing",
            header.name()
        )));
    }
    if let Some(header) = rejection.find::<InvalidHeader>() {
        causes.push(bad_request(format!(
            "the `{}` header is invalid",
            header.name()
        )));
    }
    if let Some(cookie) = rejection.find::<MissingCookie>() {
        causes.push(bad_request(format!(
            "the `{}` cookie is missing",
            cookie.name()
        )));
    }
    if rejection.find::<LengthRequired>().is_some() {
        causes.push(length_required());
    }
    if rejection.find::<PayloadTooLarge>().is_some() {
        causes.push(Rejection::payload_too_large());
    }
    if rejection.find::<UnsupportedMediaType>().is_some() {
        // warp's JSON and form filters both reject with it: which one, it does not say.
        causes.push(Rejection::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "the request's content type is not one this route takes",
        ));
    }
    if let Some(error) = rejection.find::<BodyDeserializeError>() {
        causes.push(body_rejection(error));
    }
    if rejection.find::<warp::cors::CorsForbidden>().is_some() {
        causes.push(Rejection::new(
            StatusCode::FORBIDDEN,
            "the cross-origin request is not allowed",
        ));
    }
    if rejection.find::<warp::ext::MissingExtension>().is_some() {
        causes.push(Rejection::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "a filter needs a request extension the request does not have",
        ));
    }
    let mut best: Option<Rejection> = None;
    for cause in causes {
        if best.as_ref().is_none_or(|best| rank(&cause) > rank(best)) {
            best = Some(cause);
        }
    }
    // A custom rejection no `recover::<E>` answered, or one of warp's own that it keeps
    // private (a body that could not be read, a file that could not be opened): warp would
    // answer 500 for most, with the custom one's `Debug` text in the body.
    best.unwrap_or_else(|| {
        Rejection::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "a rejection httperr cannot identify: a custom rejection no recover answered, or one warp keeps private",
        )
    })
}

fn bad_request(message: String) -> Rejection {
    Rejection::new(StatusCode::BAD_REQUEST, message)
}

fn length_required() -> Rejection {
    Rejection::new(
        StatusCode::LENGTH_REQUIRED,
        "a content-length header is required",
    )
}

/// warp's JSON filter fails with serde_json's error inside; its form filter with
/// serde_urlencoded's, whose text is serde's own wording.
fn body_rejection(error: &BodyDeserializeError) -> Rejection {
    let cause = std::error::Error::source(error);
    match cause.and_then(|cause| cause.downcast_ref::<serde_json::Error>()) {
        Some(error) => Rejection::json(error, None),
        None => {
            let text = cause.map(ToString::to_string).unwrap_or_default();
            Rejection::parameter("form body", &text, None)
        }
    }
}

/// A path segment parsed as `T`, as `warp::path::param::<T>()` reads it, except that a segment
/// that does not parse rejects with `400 invalid path: `name` has the wrong type` instead of
/// warp's "no route here" (a 404 once every route has said so). `name` is the parameter's name
/// in the message; warp's parameters are positional and have none of their own.
///
/// Use it in place of a typed segment of `warp::path!`: `warp::path("users")
/// .and(httperr::warp::param::<u64>("id")).and(warp::path::end())` is `path!("users" / u64)`.
/// An empty segment is still warp's not-found.
///
/// ```
/// use warp::Filter;
///
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     // warp's test requests are in memory: the future is ready at once.
/// #     let mut future = std::pin::pin!(future);
/// #     let mut context = std::task::Context::from_waker(std::task::Waker::noop());
/// #     loop {
/// #         if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
/// #             return output;
/// #         }
/// #     }
/// # }
/// let user = warp::path("users")
///     .and(httperr::warp::param::<u64>("id"))
///     .and(warp::path::end())
///     .map(|id: u64| id.to_string())
///     .recover(httperr::warp::recover_any);
///
/// let response = block_on(warp::test::request().path("/users/abc").reply(&user));
/// assert_eq!(response.status(), 400);
/// assert_eq!(response.body().as_ref(), br#"{"error":"invalid path: `id` has the wrong type"}"#);
/// assert_eq!(block_on(warp::test::request().path("/users/7").reply(&user)).body().as_ref(), b"7");
/// ```
pub fn param<T: FromStr + Send + 'static>(
    name: &'static str,
) -> impl Filter<Extract = (T,), Error = warp::Rejection> + Clone {
    warp::path::param::<String>().and_then(move |segment: String| {
        ready(segment.parse::<T>().map_err(|_| {
            warp::reject::custom(Rejection::parameter("path", "cannot parse", Some(name)))
        }))
    })
}

/// A JSON body of at most `limit` bytes, deserialized as `T`: warp's own
/// `warp::body::content_length_limit(limit).and(warp::body::json())`, whose rejections become
/// [`Rejection`]s that say what was wrong: `415 expected a JSON body` for another content
/// type, 413 over the limit, 411 without a `content-length`, 400 for malformed JSON and 422 for
/// JSON that does not match `T`, with messages that name no Rust type (see
/// [`Rejection::json`]). As warp's filter does, it takes a body without a `content-type` for
/// JSON.
///
/// ```
/// use warp::Filter;
///
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     // warp's test requests are in memory: the future is ready at once.
/// #     let mut future = std::pin::pin!(future);
/// #     let mut context = std::task::Context::from_waker(std::task::Waker::noop());
/// #     loop {
/// #         if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
/// #             return output;
/// #         }
/// #     }
/// # }
/// #[derive(serde::Deserialize)]
/// struct CreateUser {
///     email: String,
/// }
///
/// let create = warp::post()
///     .and(httperr::warp::json::<CreateUser>(64 * 1024))
///     .map(|user: CreateUser| user.email)
///     .recover(httperr::warp::recover_any);
///
/// let response = block_on(
///     warp::test::request()
///         .method("POST")
///         .header("content-type", "application/json")
///         .body(r#"{"email": 42}"#)
///         .reply(&create),
/// );
/// assert_eq!(response.status(), 422);
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"error":"invalid JSON body: a value has the wrong type (line 1, column 12)"}"#
/// );
///
/// let response = block_on(
///     warp::test::request()
///         .method("POST")
///         .header("content-type", "text/plain")
///         .body(r#"{"email":"ada@example.com"}"#)
///         .reply(&create),
/// );
/// assert_eq!(response.status(), 415);
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"error":"expected a JSON body (content-type: application/json)"}"#
/// );
/// ```
pub fn json<T: DeserializeOwned + Send + 'static>(
    limit: u64,
) -> impl Filter<Extract = (T,), Error = warp::Rejection> + Clone {
    warp::body::content_length_limit(limit)
        .and(warp::body::json::<T>())
        .or_else(|rejection: warp::Rejection| ready(Err::<(T,), _>(json_rejection(rejection))))
}

/// The rejection of [`json`]: warp's own, restated where it is one of the body's.
fn json_rejection(rejection: warp::Rejection) -> warp::Rejection {
    let own = if rejection.find::<UnsupportedMediaType>().is_some() {
        Rejection::expected_json()
    } else if rejection.find::<PayloadTooLarge>().is_some() {
        Rejection::payload_too_large()
    } else if rejection.find::<LengthRequired>().is_some() {
        length_required()
    } else if let Some(error) = rejection.find::<BodyDeserializeError>() {
        #[cfg(feature = "tracing")]
        tracing::debug!(error = %error, "warp's JSON filter refused the body");
        body_rejection(error)
    } else if format!("{rejection:?}").contains("BodyReadError") {
        // warp's private type for a body the client did not send whole (warp answers 400):
        // the client's doing, not a 500 of the app's.
        Rejection::new(
            StatusCode::BAD_REQUEST,
            "invalid JSON body: it could not be read",
        )
    } else {
        // The body was taken already (the app's bug): warp's own, passed on.
        return rejection;
    };
    warp::reject::custom(own)
}

/// Runs a handler's future, turning a panic in it into a rejection with the redacted
/// `500 {"error":"Internal Server Error"}`, which the app's recover answers: `.and_then(|id|
/// httperr::warp::catch_panic(handler(id)))`. With the `tracing` feature the panic's message
/// is logged at error level; it is never in a response.
///
/// Without it, a panic unwinds out of warp's filters into hyper's connection task, which
/// tokio drops: the client's connection is closed without a response (other connections are
/// served on). warp has no catch-panic of its own, and none can wrap a filter from outside
/// (warp's `Filter` trait is sealed), so the guard goes around each handler's future. Note
/// that a rejection lets warp try the routes after this one, as any handler's rejection does.
///
/// ```
/// use warp::Filter;
///
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     // warp's test requests are in memory: the future is ready at once.
/// #     let mut future = std::pin::pin!(future);
/// #     let mut context = std::task::Context::from_waker(std::task::Waker::noop());
/// #     loop {
/// #         if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
/// #             return output;
/// #         }
/// #     }
/// # }
/// async fn boom() -> Result<String, std::convert::Infallible> {
///     panic!("secret")
/// }
///
/// let route = warp::path("boom")
///     .and_then(|| httperr::warp::catch_panic(boom()))
///     .recover(httperr::warp::recover_any);
///
/// let response = block_on(warp::test::request().path("/boom").reply(&route));
/// assert_eq!(response.status(), 500);
/// assert_eq!(response.body().as_ref(), br#"{"error":"Internal Server Error"}"#);
/// ```
pub async fn catch_panic<F, T, E>(future: F) -> Result<T, warp::Rejection>
where
    F: Future<Output = Result<T, E>>,
    E: Into<warp::Rejection>,
{
    let mut future = core::pin::pin!(future);
    // Once it has panicked the future is never polled again: the outer one is then ready.
    core::future::poll_fn(|context| {
        match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(context))) {
            Ok(Poll::Ready(result)) => Poll::Ready(result.map_err(Into::into)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => {
                #[cfg(feature = "tracing")]
                tracing::error!(panic = panic_message(&*payload), "a warp handler panicked");
                drop(payload);
                Poll::Ready(Err(warp::reject::custom(Rejection::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "a handler panicked",
                ))))
            }
        }
    })
    .await
}

/// The text a panic was raised with, when it was a string.
#[cfg(feature = "tracing")]
fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&'static str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "(not a string)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use warp::Reply;

    /// warp's test requests are in memory: the future is ready at once.
    fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = core::pin::pin!(future);
        let mut context = core::task::Context::from_waker(core::task::Waker::noop());
        loop {
            if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
    }

    /// Status and body of `request` served by `filter`.
    fn answer<F>(filter: &F, request: warp::test::RequestBuilder) -> (u16, String)
    where
        F: Filter<Error = Infallible> + 'static,
        F::Extract: Reply + Send,
    {
        let response = block_on(request.reply(filter));
        let body = String::from_utf8(response.body().to_vec()).expect("UTF-8");
        (response.status().as_u16(), body)
    }

    #[test]
    fn a_body_without_content_length_is_a_411() {
        let filter = json::<serde_json::Value>(16)
            .map(|_| "ok")
            .recover(recover_any);
        let request = warp::test::request().method("POST");
        assert_eq!(
            answer(&filter, request),
            (
                411,
                r#"{"error":"a content-length header is required"}"#.to_owned()
            )
        );
    }

    /// Among the causes of routes combined by `or`, the one warp would prefer is answered.
    #[test]
    fn the_preferred_cause_is_answered() {
        let create = warp::path("users")
            .and(warp::path::end())
            .and(warp::post())
            .map(|| "created");
        let user = warp::path("users")
            .and(param::<u64>("id"))
            .and(warp::path::end())
            .map(|_| "user");
        let keyed = warp::path("keyed")
            .and(warp::post())
            .map(|| "posted")
            .or(warp::path("keyed")
                .and(warp::header::<String>("x-key"))
                .map(|_| "keyed"));
        let app = create.or(user).or(keyed).recover(recover_any);
        let request = |method: &str, path: &str| warp::test::request().method(method).path(path);
        // The 405 of `create` over the 404 of `user`.
        assert_eq!(
            answer(&app, request("PUT", "/users")),
            (405, r#"{"error":"Method Not Allowed"}"#.to_owned())
        );
        // The 400 of `user` over the 404 of `create`.
        assert_eq!(
            answer(&app, request("GET", "/users/x")),
            (
                400,
                r#"{"error":"invalid path: `id` has the wrong type"}"#.to_owned()
            )
        );
        // A 400 (the missing header) over a 405.
        assert_eq!(
            answer(&app, request("GET", "/keyed")),
            (
                400,
                r#"{"error":"the `x-key` header is missing"}"#.to_owned()
            )
        );
        assert_eq!(
            answer(&app, request("GET", "/none")),
            (404, r#"{"error":"Not Found"}"#.to_owned())
        );
    }

    #[test]
    fn a_form_body_says_what_is_missing() {
        #[derive(Debug, serde::Deserialize)]
        struct Page {
            #[allow(dead_code)]
            page: u32,
        }
        let filter = warp::body::form::<Page>()
            .map(|_| "ok")
            .recover(recover_any);
        let request = warp::test::request()
            .method("POST")
            .header("content-type", "application/x-www-form-urlencoded")
            .body("size=3");
        assert_eq!(
            answer(&filter, request),
            (
                400,
                r#"{"error":"invalid form body: `page` is missing"}"#.to_owned()
            )
        );
    }

    #[test]
    fn catch_panic_passes_results_on() {
        let ok: Result<u8, warp::Rejection> =
            block_on(catch_panic(async { Ok::<u8, Infallible>(1) }));
        assert_eq!(ok.expect("no panic"), 1);
        let rejected = block_on(catch_panic(async {
            Err::<u8, _>(warp::reject::custom(Rejection::not_found()))
        }));
        let rejection = rejected.expect_err("the rejection is kept");
        assert_eq!(
            rejection.find::<Rejection>().map(HttpError::status),
            Some(StatusCode::NOT_FOUND)
        );
        let panicked = block_on(catch_panic(async {
            if true {
                panic!("boom");
            }
            Ok::<u8, Infallible>(0)
        }));
        let rejection = panicked.expect_err("the panic is a rejection");
        assert_eq!(
            rejection.find::<Rejection>().map(HttpError::status),
            Some(StatusCode::INTERNAL_SERVER_ERROR)
        );
    }
}
