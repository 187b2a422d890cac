//! Derive correct HTTP error responses from Rust error enums, for any web framework.
//!
//! `#[derive(HttpError)]` reads a status (and optionally a message template, headers and a
//! body format) from each variant and implements [`HttpError`]: the status, the public
//! message, a machine-readable code, the headers, and a complete
//! `http::Response<Bytes>` with a JSON or RFC 9457 problem+json body. Invalid statuses do not
//! compile, 5xx bodies never show internal error text, and bodies that do not depend on field
//! values are computed at compile time.
//!
//! # Example
//!
//! ```
//! use httperr::HttpError;
//!
//! #[derive(Debug, HttpError)]
//! enum UserError {
//!     #[status(404, "user {id} not found")]
//!     NotFound { id: u64 },
//!     #[status(409, "email {0} is already registered")]
//!     EmailTaken(String),
//!     #[status(429)]
//!     #[header(RETRY_AFTER, "{secs}")]
//!     RateLimited { secs: u64 },
//!     #[status(500)] // the body says only "Internal Server Error"
//!     Db(#[from] std::io::Error),
//! }
//!
//! let response = UserError::NotFound { id: 42 }.to_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(response.body().as_ref(), br#"{"error":"user 42 not found"}"#);
//!
//! let response = UserError::RateLimited { secs: 30 }.to_response();
//! assert_eq!(response.headers()["retry-after"], "30");
//!
//! let response = UserError::from(std::io::Error::other("password=hunter2")).to_response();
//! assert_eq!(response.body().as_ref(), br#"{"error":"Internal Server Error"}"#);
//! ```
//!
//! With a framework feature on (`axum`, `actix-web`, `poem`, `rocket`, `warp`, `salvo`), the
//! type is directly usable as a handler's error type: `Result<Json<User>, UserError>`. Without
//! one, [`HttpError::to_response`] gives an `http::Response<Bytes>` for hyper, tower or tests.
//! See [Frameworks](#frameworks).
//!
//! # Attributes
//!
//! | attribute | on | meaning |
//! |---|---|---|
//! | `#[status(404)]`, `#[status(NOT_FOUND)]`, `#[status(StatusCode::NOT_FOUND)]` | variant, struct, enum | the status; on an enum, the default for variants without one |
//! | `#[status(404, "user {id} not found")]` | same | status and public message template |
//! | `#[status(400, "{} items", .items.len())]` | same | template with extra arguments (`.field` is a field) |
//! | `#[status(transparent)]` | variant or struct with one field, or with one field marked `#[transparent]` | everything comes from the field, which implements `HttpError` ([Transparent wrappers](#transparent-wrappers)) |
//! | `#[status(with = path::to_fn)]`, `#[status(with = f, "message")]` | variant, struct | the status is `f(&field0, &field1, …)` (an `http::StatusCode` or `u16`), chosen at run time ([Run-time status](#run-time-status)) |
//! | `#[status("message")]` | variant, struct with a `#[status]` field | the message of a variant whose status is that field's |
//! | `#[header(RETRY_AFTER, "{secs}")]`, `#[header("x-request-id", "{id}")]` | variant, struct (repeatable) | a response header; the value is a template |
//! | `#[http(format = "problem")]` | type | RFC 9457 problem details instead of `{"error": …}` |
//! | `#[http(shape = API)]` | type, variant | the body in a declared [`Shape`] (a variant's replaces the type's) ([Body shapes](#body-shapes)) |
//! | `#[http(body = WRITER)]` | type, variant | the body written by your [`WriteBody`] |
//! | `#[http(category = "auth")]` | type, variant | the value of a shape's [category](Shape::category) member (a variant's replaces the type's) |
//! | `#[http(codes)]` | type | every variant gets a code: its name in snake_case |
//! | `#[http(type_base = "https://…/")]` | type | problem `type` = base + code; implies `codes` |
//! | `#[http(code = "user_not_found")]` | variant, struct | this variant's code |
//! | `#[http(code = path::to_fn)]` | variant, struct | the code is `f(&field0, &field1, …)` (a `&str` or `Option<&str>`), chosen at run time |
//! | `#[http(expose)]` | 5xx or run-time-status variant, struct | show this 5xx's message (the 4xx rules below apply) |
//! | `#[http(expose_headers)]` | 5xx variant, struct | send this 5xx's headers that read fields (a `Retry-After` from a field) |
//! | `#[http(unregistered)]` | type, variant | allow a 4xx/5xx code outside the IANA registry, such as 499 |
//! | `#[http(without_required_headers)]` | type, variant | silence the RFC 9110 required-header check |
//! | `#[http(skip(Display, Error, From, Serialize))]` | type | leave these impls to you (the type has its own) |
//! | `#[from]` | the only field of a variant | `From<Field>`; implies `#[source]` |
//! | `#[source]` (or a field named `source`) | field | what `Error::source` returns |
//! | `#[detail]` | named field (`Serialize`) | put the field into the body |
//! | `#[headers]` | one field (`HeaderMap` or `Option<HeaderMap>`) | send the headers it holds, after the variant's own |
//! | `#[transparent]` | a field of a `#[status(transparent)]` variant or struct | the error it forwards to; the other fields are never sent |
//! | `#[code]` | one field (`String`, `&'static str`, `Cow<str>`, `Box<str>`, or an `Option` of one) | the code is the field's value, chosen at run time |
//! | `#[status]` | one field (`http::StatusCode` or `u16`) | the response's status is the field's value, chosen at run time ([Run-time status](#run-time-status)) |
//!
//! A `#[headers]` field carries headers the error only knows when it is made (rate-limit
//! quotas, say). They go in after the variant's `#[header]`s: a name the map holds replaces
//! the variant's values for that name, every value of it is kept, and hop-by-hop names
//! (`connection`, `transfer-encoding`, …) are left out; `content-type` and `content-length` are
//! always the response's own. Like any header read from a field, a hidden 5xx sends them only
//! with `#[http(expose_headers)]`. They are not in the OpenAPI documentation, which cannot know
//! them.
//!
//! ```
//! use http::{HeaderMap, HeaderValue};
//! use httperr::HttpError;
//!
//! #[derive(Debug, HttpError)]
//! enum LimitError {
//!     #[status(429, "slow down")]
//!     #[header(RETRY_AFTER, "{wait}")]
//!     Limited {
//!         wait: u64,
//!         #[headers]
//!         quota: HeaderMap,
//!     },
//! }
//!
//! let mut quota = HeaderMap::new();
//! quota.insert("x-ratelimit-limit", HeaderValue::from(100));
//! quota.insert("x-ratelimit-remaining", HeaderValue::from(0));
//! let response = LimitError::Limited { wait: 30, quota }.to_response();
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert_eq!(response.headers()["x-ratelimit-limit"], "100");
//! assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
//! ```
//!
//! Status constants are `http::StatusCode` names; the RFC 9110 phrase in SCREAMING_SNAKE works
//! too (`CONTENT_TOO_LARGE` as well as `PAYLOAD_TOO_LARGE`).
//!
//! # Templates
//!
//! Message and header templates are read as thiserror reads `#[error("...")]`, so a template
//! written for one works in the other:
//!
//! - `{field}`, `{0}`, `{field:?}`, `{n:>5}`, `{v:>width$}`: a hole names a field (by name, or
//!   by position in a tuple variant), with any `format!` spec.
//! - A hole that names no field is left to `format!`, which captures it from the scope: a
//!   constant (`{MAX_LEN}`) or `{self:?}` work. A name *close* to a field's (`{user_di}` beside
//!   `user_id`) is reported as a misspelt field instead, with the suggestion.
//! - Arguments after the string are expressions, split at their top-level commas; in them
//!   `.field` and `.0` (also `.0.1`, and after `match`, `*` or any other token that starts an
//!   expression) and a field named bare (`token`) are references to the fields. A trailing
//!   comma is allowed.
//! - `{field:p}` prints the pointer the field holds (a `Box`'s heap address), as thiserror does.
//! - In a tuple variant `{0}` is field 0, so it cannot be mixed with positional arguments
//!   (`"{0} {}", x`); raw identifiers are not allowed in holes (write `{fn}` for a field `r#fn`),
//!   as in `format!`.
//!
//! ```
//! # use httperr::HttpError;
//! const LIMIT: usize = 3;
//!
//! #[derive(Debug, HttpError)]
//! enum UploadError {
//!     #[status(413, "{} files, at most {LIMIT}", .files.len())]
//!     TooMany { files: Vec<String> },
//!     #[status(400, "unexpected byte {:#04x} at {}", .0, match .1 { 0 => "start".into(), n => n.to_string() })]
//!     Unexpected(u8, usize),
//! }
//! assert_eq!(UploadError::TooMany { files: vec![String::new(); 5] }.message(), "5 files, at most 3");
//! assert_eq!(UploadError::Unexpected(255, 0).message(), "unexpected byte 0xff at start");
//! ```
//!
//! # What a hidden 5xx never sends
//!
//! A 5xx without `#[http(expose)]` sends nothing derived from its fields: its message is the
//! reason phrase, a `#[detail]` field on it is a compile error, and so is a `#[header]` whose
//! value reads a field, unless the variant says `#[http(expose_headers)]` (for a
//! `Retry-After: {secs}`, say). Headers with fixed values (`Retry-After: 10`) are sent.
//!
//! # Public messages
//!
//! | case | the body's message |
//! |---|---|
//! | 5xx without `#[http(expose)]` | the reason phrase ("Internal Server Error"), whatever the template or the inner error says |
//! | a template | the formatted template |
//! | no template, thiserror `#[error]` on the variant, 4xx | the `Display` text |
//! | no template otherwise | the reason phrase |
//! | `#[status(transparent)]` | the wrapped error's public message |
//!
//! ```
//! # use httperr::HttpError;
//! #[derive(Debug, HttpError)]
//! enum PaymentError {
//!     #[status(502, "provider {0} refused: {1}")]
//!     Provider(String, String),
//!     #[status(503, "payments are paused until {0}")]
//!     #[http(expose)]
//!     Paused(String),
//! }
//! let refused = PaymentError::Provider("stripe".into(), "api key sk_live_… invalid".into());
//! assert_eq!(refused.message(), "Bad Gateway");
//! // Display is for logs: it keeps the template's text.
//! assert_eq!(refused.to_string(), "provider stripe refused: api key sk_live_… invalid");
//! assert_eq!(PaymentError::Paused("12:00".into()).message(), "payments are paused until 12:00");
//! ```
//!
//! Unless the type also derives `thiserror::Error` (it carries `#[error(...)]`), the derive
//! writes `Display` (the template, or the reason phrase), `std::error::Error` (with
//! `source()` from `#[source]`/`#[from]`/a field named `source`) and `From` for `#[from]`
//! fields. The inner error is reached through `source()`, not repeated in `Display`. A source
//! may be an `Option<E>` (a source when `Some`; `#[from]` on it implements `From<E>`); it
//! cannot borrow (`Error::source` returns a `'static` error). With thiserror, thiserror
//! writes all three and both derives share `#[from]` and `#[source]`; an enum-level
//! `#[error("...")]` counts as every variant's `Display` that has none of its own.
//!
//! A struct whose last field is unsized (`tail: str`, `file: Path`) derives too, without
//! `#[detail]` fields (reading them needs `Sized`) and without framework impls (they take the
//! error by value).
//!
//! A type that already has some of these impls (or `Serialize`) says so with
//! `#[http(skip(Display, Error, From, Serialize))]`; otherwise both would be written (E0119).
//! thiserror is detected by its `#[error]` attributes only: on a thiserror type where httperr
//! sees none (an empty enum, `#[error]`s behind `cfg`), write `#[http(skip(Display, Error,
//! From))]`. The response body never goes through the type's own `Serialize`.
//!
//! ```
//! # use httperr::HttpError;
//! #[derive(Debug, HttpError)]
//! #[http(skip(Display))]
//! enum ApiError {
//!     #[status(404, "user {0} not found")]
//!     NotFound(u64),
//! }
//! impl std::fmt::Display for ApiError {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         f.write_str("our own text")
//!     }
//! }
//! assert_eq!(ApiError::NotFound(7).to_string(), "our own text");
//! assert_eq!(ApiError::NotFound(7).message(), "user 7 not found");
//! ```
//!
//! # Run-time status
//!
//! Some statuses are data: a `StatusCode` the error carries, or one that depends on the
//! variant of a foreign error (an `io::ErrorKind`), on which the orphan rule forbids an
//! `impl HttpError`. A field marked `#[status]` (an `http::StatusCode` or a `u16`) is the
//! status; so is what `#[status(with = path::to_fn)]` returns, a function called with the
//! variant's fields by reference, in order (`f()` for a unit variant), returning a
//! `StatusCode` or a `u16`. Such a variant has no status code written: its `#[status]`
//! attribute, when it has one, is a message alone, `#[status("message")]`, or
//! `#[status(with = f, "message")]`. The function is called wherever the status is needed
//! (the status line, the message's redaction, the log), so more than once per response: it
//! should be a cheap, pure mapping. The same holds for the function of `#[http(code = f)]`.
//!
//! - **An invalid status** (anything but a 4xx or 5xx: a `u16` of 200 or 1000) is a 500 with
//!   the reason phrase as its message, logged at warn level with the `tracing` feature. Never a
//!   panic.
//! - **Messages** are decided at run time: the template (or thiserror's `Display`, else the
//!   reason phrase) for a 4xx, or for a 5xx with `#[http(expose)]`; the reason phrase for any
//!   other 5xx. `status()`, `message()`, the body, `Serialize` and a derived `Display` (the
//!   template, else the reason phrase) all follow the run-time status; so do the problem
//!   format's `status` and `title`.
//! - **At compile time** the derive treats the variant as a hidden 5xx, which it may be: a
//!   `#[detail]` needs `#[http(expose)]` and a `#[header]` or `#[headers]` reading a field needs
//!   `#[http(expose_headers)]`, whatever statuses the data will hold. The RFC 9110
//!   required-header checks (a 401's `WWW-Authenticate`, a 405's `Allow`, …) cannot apply and
//!   are skipped. Its body is written at run time, never fixed at compile time.
//! - **OpenAPI** (the `utoipa` feature) leaves such variants out: they have no one status to be
//!   documented under.
//! - **Generics:** a `#[status]` field of a type parameter gets the bound the impl needs; a
//!   `with` function's own bounds on its arguments go on the type's declaration.
//!
//! ```
//! use http::StatusCode;
//! use httperr::HttpError;
//!
//! fn io_status(error: &std::io::Error) -> StatusCode {
//!     match error.kind() {
//!         std::io::ErrorKind::NotFound => StatusCode::NOT_FOUND,
//!         _ => StatusCode::SERVICE_UNAVAILABLE,
//!     }
//! }
//!
//! #[derive(Debug, HttpError)]
//! enum ApiError {
//!     #[status("rate limiter: {msg}")]
//!     Other {
//!         #[status]
//!         code: StatusCode,
//!         msg: String,
//!     },
//!     #[status(with = io_status, "storage: {0}")]
//!     Io(#[source] std::io::Error),
//! }
//!
//! let limited = ApiError::Other { code: StatusCode::TOO_MANY_REQUESTS, msg: "slow down".into() };
//! assert_eq!(limited.status(), 429);
//! assert_eq!(limited.to_response().body().as_ref(), br#"{"error":"rate limiter: slow down"}"#);
//!
//! let missing = ApiError::Io(std::io::Error::new(std::io::ErrorKind::NotFound, "films"));
//! assert_eq!(missing.to_response().body().as_ref(), br#"{"error":"storage: films"}"#);
//! // A 5xx hides its message.
//! let down = ApiError::Io(std::io::Error::other("disk on fire"));
//! assert_eq!(down.status(), 503);
//! assert_eq!(down.to_response().body().as_ref(), br#"{"error":"Service Unavailable"}"#);
//! ```
//!
//! # Transparent wrappers
//!
//! `#[status(transparent)]` on a variant or a struct hands the whole response to one field,
//! which implements `HttpError`: status, message, code, headers, format, body, details and API
//! documentation are the field's, and so are the 5xx rules (the field's own decide what is
//! hidden). A derived `Display` is the field's too, and `source()` is the field's own source:
//! the field is the error itself, not its cause, so `#[source]` on it is an error.
//!
//! A wrapper that keeps more than the error (an index name for the logs, the cause, a
//! backtrace) marks the error with `#[transparent]`; a one-field wrapper needs no marker. The
//! other fields are never sent: they are for a thiserror `#[error("...")]` template, for logs,
//! and for `source()`: a field marked `#[source]` (or named `source`) beside the marked one
//! is the source, else the marked field's own source is. Only the marked field must
//! be an `HttpError`; of a generic type, the other fields need no bound unless they are the
//! source (`Error`). `#[from]` works on a one-field wrapper only: a `From` of the error alone
//! could not fill the other fields.
//!
//! The marker is an attribute of the field, like `#[source]`, rather than an index or a name
//! inside `#[status(...)]`: it moves with the field when fields are reordered or renamed.
//!
//! ```
//! use httperr::HttpError;
//! use std::error::Error as _;
//!
//! #[derive(Debug, HttpError)]
//! #[http(codes)]
//! enum IndexError {
//!     #[status(404, "index {0} not found")]
//!     NotFound(String),
//! }
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     // The template is `Display`, for logs; the response is the marked field's.
//!     #[error("reading {index_name}: {error}")]
//!     #[status(transparent)]
//!     Index {
//!         #[transparent]
//!         error: IndexError,
//!         index_name: String,
//!         #[source]
//!         cause: std::io::Error,
//!     },
//! }
//!
//! let error = ApiError::Index {
//!     error: IndexError::NotFound("films".into()),
//!     index_name: "movies".into(),
//!     cause: std::io::Error::other("no such file"),
//! };
//! assert_eq!(error.status(), 404);
//! assert_eq!(
//!     error.to_response().body().as_ref(),
//!     br#"{"error":"index films not found","code":"not_found"}"#,
//! );
//! assert_eq!(error.to_string(), "reading movies: index films not found");
//! assert_eq!(error.source().unwrap().to_string(), "no such file");
//! ```
//!
//! With the `tracing` feature, every conversion of a 5xx into a response logs its `Display`
//! text and its `source()` chain (bounded, see
//! [User code on the response path](#user-code-on-the-response-path)) at error level; other
//! statuses log at debug.
//!
//! # Bodies
//!
//! JSON (the default), `content-type: application/json`:
//! `{"error": "<message>", "code": "<code>", "details": {<#[detail] fields>}}`, with `code` and
//! `details` only when present. Problem details (`#[http(format = "problem")]`),
//! `content-type: application/problem+json`: `type` (base + code, or `"about:blank"`),
//! `title` (the reason phrase), `status`, `detail` (the message), `code`, then the
//! `#[detail]` fields as extension members, in this order.
//!
//! ```
//! # use httperr::HttpError;
//! #[derive(Debug, HttpError)]
//! #[http(format = "problem", type_base = "https://example.com/problems/")]
//! enum OrderError {
//!     #[status(422, "quantity must be positive")]
//!     BadQuantity { #[detail] quantity: i64 },
//! }
//! let body = OrderError::BadQuantity { quantity: -1 }.to_response().into_body();
//! assert_eq!(
//!     body.as_ref(),
//!     br#"{"type":"https://example.com/problems/bad_quantity","title":"Unprocessable Content","status":422,"detail":"quantity must be positive","code":"bad_quantity","quantity":-1}"#,
//! );
//! ```
//!
//! The derive also implements `serde::Serialize`, producing exactly the body object. A body is
//! valid JSON whatever the message contains. A variant whose body does not depend on its
//! fields (a unit variant, a fixed message, any hidden 5xx) has its body computed at compile
//! time and served from static memory.
//!
//! A code chosen at run time (`#[code]`, `#[http(code = f)]`) is written escaped like any
//! other but not checked to be `[A-Za-z0-9_.-]`; it is absent from the body when it is `None`,
//! and such a variant's body is written at run time, `type_base` and the code joined then.
//!
//! # Body shapes
//!
//! An API that already has a contract declares its bodies once, as a [`Shape`] constant, and
//! names it from each error type with `#[http(shape = API)]` (or from one variant, for the one
//! body that differs). A shape chooses the members, their keys and order: the message, the
//! code, the status and title, the details nested or flattened, constant members, a
//! documentation link built from the code, a category given per variant; or the message alone
//! as text, with any content type or none; or problem details with extension members. Bodies
//! that do not depend on field values are still computed at compile time, from the constant.
//!
//! ```
//! use httperr::{HttpError, Shape};
//!
//! // Lemmy: the code under "error", the payload beside it.
//! const LEMMY: Shape = Shape::json().code("error").flatten_details();
//!
//! #[derive(Debug, HttpError)]
//! #[http(shape = LEMMY, codes)]
//! #[status(400)]
//! enum LemmyError {
//!     BlockedUrl,
//!     PictrsResponseError {
//!         #[detail]
//!         message: String,
//!     },
//! }
//! assert_eq!(LemmyError::BlockedUrl.to_response().body().as_ref(), br#"{"error":"blocked_url"}"#);
//! let pictrs = LemmyError::PictrsResponseError { message: "reason".into() };
//! assert_eq!(
//!     pictrs.to_response().body().as_ref(),
//!     br#"{"error":"pictrs_response_error","message":"reason"}"#
//! );
//! ```
//!
//! What a declared shape does not describe, a [`WriteBody`] writes (`#[http(body = WRITER)]`):
//! it gets the error itself and writes the whole body and its content type; the status,
//! headers and logging stay the derive's. The default shape is the convention above,
//! `{"error": …}`, and its bodies are written by the fastest path; a declared shape walks its
//! members at run time. A text shape leaves `#[detail]` fields out. A framework hook that
//! takes a [`BodyFormat`] (`with_rejections`, `Rejections::with_format`, …) takes
//! [`BodyFormat::Shaped`] too, so that the framework's own errors answer in the API's shape.
//!
//! # Checked at compile time
//!
//! Codes outside 100..=599, 1xx–3xx codes on an error, codes not registered with IANA (with
//! the nearest registered ones suggested), unknown constant names (with a "did you mean"),
//! a 401/405/407/426 without the header RFC 9110 requires, a variant without a status,
//! template fields that do not exist, invalid header names and fixed values, misplaced
//! `#[from]`/`#[source]`/`#[detail]`, and unknown attribute options are all compile errors
//! pointing at the offending token, all reported in one build:
//!
//! ```compile_fail
//! #[derive(Debug, httperr::HttpError)]
//! enum ApiError {
//!     #[status(NOT_FOUN)] // error: unknown status `NOT_FOUN`; did you mean `NOT_FOUND`?
//!     Missing,
//! }
//! ```
//!
//! [`status!`] gives the same checks for a bare `http::StatusCode`, in const context:
//!
//! ```
//! const CONFLICT: http::StatusCode = httperr::status!(409);
//! assert_eq!(CONFLICT.as_u16(), 409);
//! ```
//!
//! # Choices where HTTP leaves room
//!
//! - Header names given as strings are sent lowercase (`"X-Request-Id"` → `x-request-id`).
//! - A header value formatted at run time that is not a valid header value (CR, LF, NUL or
//!   another control character) is left out of the response, never sent broken and never a
//!   panic; with `tracing` a warning names the header. Fixed values are checked at compile time.
//! - An unregistered code (with `#[http(unregistered)]`) has no reason phrase: its class name
//!   ("Client Error", "Server Error") serves as title and default message.
//! - Codes are ASCII letters, digits, `_`, `-` and `.`, so that `type_base` + code is a URI.
//! - 306 and 418 are "(Unused)" in the IANA registry and count as unregistered; the reason
//!   phrases follow RFC 9110, see [`codes`] for where they differ from `http`'s.
//! - `#[header]` belongs on variants: an enum-level header could not refer to fields.
//! - `#[detail]` needs a named field: its name is the key in the body.
//!
//! # Security: what reaches a client
//!
//! A 5xx body never shows a template or `Display` text (unless `#[http(expose)]`). A 4xx body
//! shows its template, or its thiserror `#[error]` text, exactly as written: a hole that names
//! a `#[source]` (or `#[from]`) field prints that error's `Display`, and whatever it carries
//! reaches the client. This follows from the rules above, and it is the easiest leak to write:
//!
//! ```
//! # use httperr::HttpError;
//! #[derive(Debug)]
//! struct DbError(String);
//! impl std::fmt::Display for DbError {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         write!(f, "db failed: {}", self.0)
//!     }
//! }
//! impl std::error::Error for DbError {}
//!
//! #[derive(Debug, HttpError)]
//! enum Leaky {
//!     #[status(422, "could not process: {0}")] // prints the source's text into the body
//!     Failed(#[source] DbError),
//! }
//! let leaky = Leaky::Failed(DbError("password=hunter2".into()));
//! assert_eq!(
//!     leaky.to_response().body().as_ref(),
//!     br#"{"error":"could not process: db failed: password=hunter2"}"#,
//! );
//!
//! // Safe: the public message names no source; the cause stays reachable through `source()`
//! // (and is logged for a 5xx with the `tracing` feature). A public part of the failure goes in
//! // its own field.
//! #[derive(Debug, HttpError)]
//! enum Safe {
//!     #[status(422, "could not process: {reason}")]
//!     Failed { reason: &'static str, #[source] cause: DbError },
//!     #[status(500)] // an internal failure: the body says "Internal Server Error"
//!     Internal(#[from] DbError),
//! }
//! let safe = Safe::Failed { reason: "invalid row", cause: DbError("password=hunter2".into()) };
//! let response = safe.to_response();
//! assert_eq!(response.body().as_ref(), br#"{"error":"could not process: invalid row"}"#);
//! assert!(std::error::Error::source(&safe).is_some());
//! let internal = Safe::from(DbError("password=hunter2".into())).to_response();
//! assert_eq!(internal.body().as_ref(), br#"{"error":"Internal Server Error"}"#);
//! ```
//!
//! The same holds for `#[header]` templates, for `#[detail]` fields (serialized as they are),
//! and for thiserror: `#[error("could not process: {0}")]` on a 4xx without a template of its
//! own is the body's message. Reserve source fields for `source()`, and template holes for
//! values the client may see.
//!
//! # User code on the response path
//!
//! Building a response runs the error's own code: `Display` impls of template fields,
//! `insert_headers`, `Serialize` of details, and with `tracing` the `Display` and `source()`
//! of the error for the log. None of it can break the response:
//!
//! - A `Display` that returns `fmt::Error` while the message is written gives the reason
//!   phrase as the message (in [`HttpError::message`], [`HttpError::to_response`] and the
//!   `Serialize` impl alike), never a message cut short and never a serde_json panic; with
//!   `tracing` a warning says so. A header whose `Display` fails is left out, not sent
//!   truncated.
//! - In [`HttpError::to_response`] (and so in every framework's impl), panics are contained
//!   where the response can still be right: a `Display` that panics while the message is
//!   written gives the reason phrase, as one that fails; a panic in `insert_headers` (a header
//!   field's `Display`, or a hand-written impl) sends the response without the error's own
//!   headers; a detail whose `Serialize` panics, the body without details. Each is logged with
//!   `tracing`. The panic hook still runs (the panic is printed as usual), and with
//!   `panic = "abort"` nothing can be caught. [`HttpError::message`] and `Serialize` called
//!   directly do not catch panics, nor does `to_response` around a hand-written `status`,
//!   `code` or `format`.
//! - The log is guarded on its own: a `Display` that fails or panics there changes only what
//!   the log line says. The `source()` chain logged for a 5xx is cut after 32 links, and where a
//!   link repeats (a `source()` that returns itself or an ancestor), so one event always ends.
//! - Leading and trailing spaces and tabs of a header value formatted at run time are trimmed
//!   (RFC 9110 §5.5: recipients strip them anyway).
//! - Hop-by-hop and framing headers (`connection`, `keep-alive`, `proxy-connection`, `te`,
//!   `trailer`, `transfer-encoding`, `content-length`) set by a hand-written `insert_headers`
//!   are dropped: the server frames the body and manages the connection. `upgrade` is kept.
//!
//! # Frameworks
//!
//! Each framework is a feature of this crate, with a derive named after the framework's trait:
//! `#[derive(HttpError, httperr::axum::IntoResponse)]` makes the type a handler's error type,
//! answering with exactly [`HttpError::to_response`] (same status, headers, content type and
//! body bytes), logging included.
//!
//! | feature | the derive, and what it implements | handler |
//! |---|---|---|
//! | `axum` | `httperr::axum::IntoResponse`: `axum::response::IntoResponse` | `async fn h() -> Result<Json<T>, MyError>` |
//! | `actix-web` | `httperr::actix_web::ResponseError`: `actix_web::ResponseError` | `async fn h() -> Result<Json<T>, MyError>` |
//! | `poem` | `httperr::poem::ResponseError`: `poem::error::ResponseError` (the typed error stays downcastable) | `#[handler] fn h() -> Result<Json<T>, MyError>` |
//! | `rocket` | `httperr::rocket::Responder`: `rocket::response::Responder<'r, 'static>` | `#[get("/")] fn h() -> Result<Json<T>, MyError>` |
//! | `warp` | `httperr::warp::Reply`: `warp::Reply` and `warp::reject::Reject`, with `httperr::warp::recover` | `.map(h)` returning `Result<impl Reply, MyError>`, or `and_then` + `.recover(httperr::warp::recover::<MyError>)` |
//! | `salvo` | `httperr::salvo::Scribe`: `salvo::Scribe` | `#[handler] async fn h() -> Result<Json<T>, MyError>` |
//! | `utoipa` | `httperr::utoipa::IntoResponses`: `utoipa::IntoResponses`, `ToSchema` | `#[utoipa::path(responses((status = 200, body = T), MyError))]` |
//! | `tracing` | (logging) | every 5xx logged with its `source()` chain |
//!
//! A type has the impls it derives and no others: turning a feature on, here or anywhere in the
//! dependency graph, adds no impl to a type that did not ask for it, so a type whose
//! `IntoResponse` (say) is written by hand keeps compiling. Features stay additive; the price
//! is one derive name per framework a type answers in.
//! With poem, `HttpError::status` and poem's `ResponseError::status` share a name; with both
//! traits imported, call it as `HttpError::status(&e)`. The `utoipa` feature documents every
//! status a type can produce, with one named example per variant even when variants share a
//! status; do not also derive `utoipa::ToSchema` on the error type.
//!
//! ## The framework's own errors
//!
//! What the framework answers before a handler runs (an unknown route, a wrong method, a path,
//! query or body its extractors refuse, a body over the limit) or instead of one (a panic)
//! is plain text, an HTML page, an empty body or no response at all. Each framework module
//! has one hook, added once per app, that makes all of it a [`Rejection`] in the app's format
//! (JSON by default, problem details with `BodyFormat::Problem`):
//!
//! | framework | the hook |
//! |---|---|
//! | axum | `router.with_rejections(format)` (`httperr::axum::RouterExt`), last, and `httperr::axum::{Json, Path, Query}` instead of axum's |
//! | actix-web | `App::new().wrap(httperr::actix_web::Rejections::default())` |
//! | poem | `route.with(httperr::poem::Rejections::new())` |
//! | rocket | `.register("/", httperr::rocket::catchers())`, and `httperr::rocket::Json` instead of Rocket's |
//! | warp | `.recover(httperr::warp::recover_any)` last, `httperr::warp::{param, json}` for named parameters and JSON bodies, and `httperr::warp::catch_panic` around each handler's future (warp's filters cannot be wrapped from outside) |
//! | salvo | `httperr::salvo::Rejections::new().install(Service::new(router))` |
//!
//! Every hook answers an unknown route with 404, a wrong method with 405 (with `Allow` where
//! the router knows the methods: all but poem and warp), a path or query parameter that does
//! not parse with 400, a JSON body that is malformed with 400, mistyped with 422, not JSON with
//! 415 and too large with 413, and a handler panic with the redacted 500 (logged with its
//! message at error level with the `tracing` feature; the server keeps serving). Messages say
//! what was wrong and where (the parameter's name and the JSON member's path where the
//! framework reports them, serde's line and column) and never a Rust type name, a list of
//! fields or more than [`Rejection::MAX_ECHO`] characters of the request; the framework's own
//! text goes to the log at debug level. Each module's documentation lists its cases.
//!
//! Each framework feature is tied to one major version of its framework (axum 0.8, actix-web 4,
//! poem 3, rocket 0.5, warp 0.4, salvo 1, utoipa 6) and stays so: a plain feature name moves to
//! a new major only in a breaking release of this crate. A framework's next major comes in a
//! minor release as a versioned feature beside the plain one (axum 0.9 as `axum-0_9`). The
//! versioned names of today's majors exist already as aliases (`axum-0_8`, `actix-web-4`,
//! `poem-3`, `rocket-0_5`, `warp-0_4`, `salvo-1`, `utoipa-6`), for code that wants to name the
//! major it depends on.
//!
#![doc = include_str!("frameworks/hyper_doc.md")]
//!
//! # Hand-written impls
//!
//! Only [`status`](HttpError::status) and [`message`](HttpError::message) are required; the
//! other methods default to no code, no headers, the JSON format and the shared writer. A
//! hand-written impl has the derive's building blocks: a code it owns (`code()` borrows from
//! `self`), any [`BodyFormat`] including a declared [`Shape`], [`respond_with_details`] for
//! details, [`respond_with_body`] for a [`WriteBody`], and [`public_message`] for the 5xx
//! redaction rule. Its response goes through the same writer, logging and containment.
//!
//! ```
//! use std::borrow::Cow;
//! struct Teapot;
//! impl httperr::HttpError for Teapot {
//!     fn status(&self) -> http::StatusCode { http::StatusCode::IM_A_TEAPOT }
//!     fn message(&self) -> Cow<'_, str> { Cow::Borrowed("short and stout") }
//! }
//! use httperr::HttpError as _;
//! assert_eq!(Teapot.to_response().body().as_ref(), br#"{"error":"short and stout"}"#);
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// In the order data flows: the layout both crates write bodies by, the status table, the
// message, the body it goes into, the response around the body and its logging; then what
// generated code needs besides (sources, documentation data), the frameworks' glue around the
// response, and last `__private`, the paths generated code calls.
mod layout;
#[cfg(test)]
mod layout_tests;

pub mod codes;

mod message;

mod body;

mod response;

mod log;

mod as_dyn_error;

mod forward;

mod response_doc;

mod rejection;
pub use rejection::Rejection;

pub use body::{Shape, WriteBody};

#[doc(hidden)]
pub mod frameworks;
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use frameworks::actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use frameworks::axum;
#[cfg(feature = "poem")]
#[cfg_attr(docsrs, doc(cfg(feature = "poem")))]
pub use frameworks::poem;
#[cfg(feature = "rocket")]
#[cfg_attr(docsrs, doc(cfg(feature = "rocket")))]
pub use frameworks::rocket;
#[cfg(feature = "salvo")]
#[cfg_attr(docsrs, doc(cfg(feature = "salvo")))]
pub use frameworks::salvo;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use frameworks::utoipa;
#[cfg(feature = "warp")]
#[cfg_attr(docsrs, doc(cfg(feature = "warp")))]
pub use frameworks::warp;

use bytes::Bytes;
use core::fmt;
use http::{HeaderMap, Response, StatusCode};
use std::borrow::Cow;

/// Derives [`HttpError`] (and `serde::Serialize`, and without thiserror `Display`,
/// `std::error::Error` and `From`): see the [crate documentation](crate) for the attributes.
///
/// ```
/// use httperr::HttpError;
///
/// #[derive(Debug, HttpError)]
/// #[http(codes)]
/// enum UserError {
///     #[status(404, "user {id} not found")]
///     NotFound { id: u64 },
///     #[status(503)]
///     #[header(RETRY_AFTER, "{0}")]
///     #[http(expose_headers)] // a hidden 5xx sends a field only where it says so
///     Maintenance(u32),
/// }
///
/// let response = UserError::NotFound { id: 7 }.to_response();
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.body().as_ref(), br#"{"error":"user 7 not found","code":"not_found"}"#);
///
/// let response = UserError::Maintenance(120).to_response();
/// assert_eq!(response.headers()["retry-after"], "120");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"error":"Service Unavailable","code":"maintenance"}"#
/// );
/// // `Display` too, from the template (or the reason phrase).
/// assert_eq!(UserError::NotFound { id: 7 }.to_string(), "user 7 not found");
/// ```
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use httperr_macros::HttpError;

/// A checked `http::StatusCode`, usable in const context: `httperr::status!(409)` or
/// `httperr::status!(CONFLICT)`. A code outside 100..=599, or not registered with IANA, does
/// not compile; the nearest registered codes are suggested.
///
/// ```
/// use http::StatusCode;
///
/// const CONFLICT: StatusCode = httperr::status!(409);
/// assert_eq!(CONFLICT, StatusCode::CONFLICT);
/// assert_eq!(httperr::status!(TOO_MANY_REQUESTS).as_u16(), 429);
/// assert_eq!(httperr::status!(StatusCode::NOT_FOUND), StatusCode::NOT_FOUND);
/// ```
///
/// ```compile_fail
/// let teapot = httperr::status!(418); // error: 418 is reserved as "(Unused)"
/// ```
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use httperr_macros::status;

/// An error that knows its HTTP response: status, public message, code, headers and body.
///
/// `#[derive(HttpError)]` implements it (and `serde::Serialize`, producing exactly the body
/// object). A hand-written impl needs only [`status`](HttpError::status) and
/// [`message`](HttpError::message); the rest have defaults that go through the same writer.
///
/// ```
/// use httperr::HttpError;
///
/// #[derive(Debug, HttpError)]
/// enum OrderError {
///     #[status(404, "order {0} not found")]
///     NotFound(u64),
///     #[status(500)]
///     Storage(#[from] std::io::Error),
/// }
///
/// // Generic code can take any HTTP error, derived or hand-written.
/// fn describe(error: &impl HttpError) -> String {
///     format!("{} {}", error.status().as_u16(), error.message())
/// }
/// assert_eq!(describe(&OrderError::NotFound(3)), "404 order 3 not found");
/// // A 5xx says only its reason phrase: the io::Error stays private.
/// let storage = OrderError::from(std::io::Error::other("disk on fire"));
/// assert_eq!(describe(&storage), "500 Internal Server Error");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `HttpError`",
    label = "not an HTTP error",
    note = "derive it with `#[derive(HttpError)]`, implement it by hand, or use `#[source]` instead of `#[status(transparent)]` to keep it as a cause"
)]
pub trait HttpError {
    /// The response status.
    ///
    /// ```
    /// use httperr::HttpError;
    ///
    /// #[derive(Debug, HttpError)]
    /// #[status(400)] // the default for variants without their own
    /// enum FormError {
    ///     MissingField,
    ///     #[status(413)]
    ///     TooLarge,
    /// }
    /// assert_eq!(FormError::MissingField.status(), http::StatusCode::BAD_REQUEST);
    /// assert_eq!(FormError::TooLarge.status(), http::StatusCode::PAYLOAD_TOO_LARGE);
    /// ```
    fn status(&self) -> StatusCode;

    /// The public message: what the body says. For a 5xx it is the reason phrase unless the
    /// variant opted in with `#[http(expose)]`.
    ///
    /// ```
    /// use httperr::HttpError;
    ///
    /// #[derive(Debug, HttpError)]
    /// enum UploadError {
    ///     #[status(413, "at most {limit} bytes")]
    ///     TooLarge { limit: u64 },
    ///     #[status(507, "disk {0} is full")] // hidden: a 5xx without `expose`
    ///     DiskFull(String),
    ///     #[status(503, "storage is read-only for {0} minutes")]
    ///     #[http(expose)]
    ///     ReadOnly(u32),
    /// }
    /// assert_eq!(UploadError::TooLarge { limit: 1024 }.message(), "at most 1024 bytes");
    /// assert_eq!(UploadError::DiskFull("/dev/sdb".into()).message(), "Insufficient Storage");
    /// assert_eq!(UploadError::ReadOnly(5).message(), "storage is read-only for 5 minutes");
    /// ```
    fn message(&self) -> Cow<'_, str>;

    /// The machine-readable code (`"user_not_found"`), if the variant has one.
    ///
    /// ```
    /// use httperr::HttpError;
    ///
    /// #[derive(Debug, HttpError)]
    /// enum AuthError {
    ///     #[status(403)]
    ///     #[http(code = "account_locked")]
    ///     Locked,
    ///     #[status(403)]
    ///     Forbidden,
    /// }
    /// assert_eq!(AuthError::Locked.code(), Some("account_locked"));
    /// assert_eq!(AuthError::Forbidden.code(), None); // no `#[http(codes)]` on the type
    /// let body = AuthError::Locked.to_response().into_body();
    /// assert_eq!(body.as_ref(), br#"{"error":"Forbidden","code":"account_locked"}"#);
    /// ```
    fn code(&self) -> Option<&str> {
        None
    }

    /// Adds this error's own headers (`Retry-After`, `WWW-Authenticate`, …) to `headers`.
    ///
    /// ```
    /// use http::HeaderMap;
    /// use httperr::HttpError;
    ///
    /// #[derive(Debug, HttpError)]
    /// enum ApiError {
    ///     #[status(429)]
    ///     #[header(RETRY_AFTER, "{secs}")]
    ///     #[header("x-rate-limit", "{limit}/min")]
    ///     RateLimited { secs: u64, limit: u32 },
    /// }
    /// let mut headers = HeaderMap::new();
    /// ApiError::RateLimited { secs: 30, limit: 60 }.insert_headers(&mut headers);
    /// assert_eq!(headers.len(), 2);
    /// assert_eq!(headers["retry-after"], "30");
    /// assert_eq!(headers["x-rate-limit"], "60/min");
    /// ```
    fn insert_headers(&self, headers: &mut HeaderMap) {
        let _ = headers;
    }

    /// The body format: JSON (the default) or RFC 9457 problem details.
    ///
    /// ```
    /// use httperr::{BodyFormat, HttpError};
    ///
    /// #[derive(Debug, HttpError)]
    /// #[http(format = "problem", type_base = "https://example.com/problems/")]
    /// enum PaymentProblem {
    ///     #[status(402, "card declined")]
    ///     CardDeclined,
    /// }
    /// assert_eq!(
    ///     PaymentProblem::CardDeclined.format(),
    ///     BodyFormat::Problem { type_uri: "https://example.com/problems/card_declined" }
    /// );
    /// ```
    fn format(&self) -> BodyFormat {
        BodyFormat::Json
    }

    /// The complete response: status, `content-type`, `content-length`, the error's own
    /// headers and nothing else, and the body.
    ///
    /// ```
    /// use httperr::HttpError;
    ///
    /// #[derive(Debug, HttpError)]
    /// enum UserError {
    ///     #[status(409, "email {0} is already registered")]
    ///     EmailTaken(String),
    /// }
    /// let response = UserError::EmailTaken("ada@example.com".into()).to_response();
    /// assert_eq!(response.status(), 409);
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// assert_eq!(response.headers()["content-length"], "55");
    /// assert_eq!(response.headers().len(), 2);
    /// assert_eq!(
    ///     response.body().as_ref(),
    ///     br#"{"error":"email ada@example.com is already registered"}"#
    /// );
    /// ```
    fn to_response(&self) -> Response<Bytes> {
        response::respond_hand_written(self, self.status(), self.format(), self.code())
    }

    /// [`to_response`](HttpError::to_response), with `content-length` only when `length`: a
    /// framework whose server frames the body from its size takes the response without.
    #[doc(hidden)]
    fn __respond(&self, length: bool) -> Response<Bytes> {
        let _ = length;
        self.to_response()
    }

    #[doc(hidden)]
    fn __write_message(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(&self.message())
    }

    #[doc(hidden)]
    fn __write_json(&self, out: &mut message::JsonMessage<'_>) {
        out.message(self);
    }

    #[doc(hidden)]
    fn __error_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.__write_message(f)
    }

    #[doc(hidden)]
    fn __error_source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        None
    }

    #[doc(hidden)]
    fn __describe(out: &mut Vec<response_doc::ResponseDoc>)
    where
        Self: Sized,
    {
        let _ = out;
    }

    #[doc(hidden)]
    fn __has_details(&self) -> bool {
        false
    }

    #[doc(hidden)]
    fn __serialize_details<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>
    where
        Self: Sized,
    {
        let _ = map;
        Ok(())
    }
}

/// Which body an error is written as.
///
/// ```
/// use httperr::{BodyFormat, HttpError};
///
/// #[derive(Debug, HttpError)]
/// #[http(format = "problem")]
/// enum Problem {
///     #[status(404, "no such order")]
///     NotFound,
/// }
/// // Without `type_base`, the problem type is "about:blank".
/// assert_eq!(Problem::NotFound.format(), BodyFormat::Problem { type_uri: "about:blank" });
/// let response = Problem::NotFound.to_response();
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no such order"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyFormat {
    /// `{"error": "…", "code": "…", "details": {…}}`, `content-type: application/json`.
    Json,
    /// RFC 9457 problem details, `content-type: application/problem+json`.
    Problem {
        /// The `type` member: a URI, or `"about:blank"`.
        type_uri: &'static str,
    },
    /// A declared [`Shape`], with the error's category for a shape that has one
    /// ([`Shape::category`]).
    Shaped {
        /// The shape.
        shape: &'static Shape,
        /// The value of the shape's category member, if the error has one.
        category: Option<&'static str>,
    },
}

/// A success response in the `{"success": "…"}` convention, written by the same writer as
/// errors. Statuses that cannot carry content (1xx, 204, 205, 304) get an empty body and no
/// `content-type` or `content-length`.
///
/// ```
/// let response = httperr::success(http::StatusCode::CREATED, "user created");
/// assert_eq!(response.body().as_ref(), br#"{"success":"user created"}"#);
/// let empty = httperr::success(http::StatusCode::NO_CONTENT, "ignored");
/// assert!(empty.body().is_empty());
/// ```
pub fn success(status: StatusCode, message: &str) -> Response<Bytes> {
    response::success(status, message)
}

/// The response of a hand-written [`HttpError`] with details: `details` (any `Serialize`
/// value that is a map or struct) goes into the body as the derive puts `#[detail]` fields, in
/// the error's format — `"details": {…}` in the JSON format, extension members in problem
/// details, where the shape says in a declared [`Shape`]. As for a derived 5xx, a 5xx's details
/// are never sent, nor are details that are not an object or whose `Serialize` fails.
///
/// ```
/// use std::borrow::Cow;
/// use http::{Response, StatusCode};
/// use httperr::HttpError;
///
/// struct Invalid {
///     field: &'static str,
///     max: u32,
/// }
///
/// #[derive(serde::Serialize)]
/// struct Details<'a> {
///     field: &'a str,
///     max: u32,
/// }
///
/// impl HttpError for Invalid {
///     fn status(&self) -> StatusCode {
///         StatusCode::UNPROCESSABLE_ENTITY
///     }
///     fn message(&self) -> Cow<'_, str> {
///         format!("{} is too long", self.field).into()
///     }
///     fn code(&self) -> Option<&str> {
///         Some("too_long")
///     }
///     fn to_response(&self) -> Response<bytes::Bytes> {
///         httperr::respond_with_details(self, &Details { field: self.field, max: self.max })
///     }
/// }
///
/// let response = Invalid { field: "name", max: 64 }.to_response();
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"error":"name is too long","code":"too_long","details":{"field":"name","max":64}}"#
/// );
/// ```
pub fn respond_with_details<E: HttpError + ?Sized, D: serde::Serialize + ?Sized>(
    error: &E,
    details: &D,
) -> Response<Bytes> {
    response::respond_with_details(error, details)
}

/// The response of a hand-written [`HttpError`] whose body `writer` writes, as
/// `#[http(body = …)]` has a derived one's written: the status, headers, logging and
/// containment are the crate's, the body and its content type the writer's.
///
/// ```
/// use std::borrow::Cow;
/// use http::{HeaderValue, Response, StatusCode};
/// use httperr::{HttpError, WriteBody};
///
/// struct Csv;
/// impl WriteBody<Gone> for Csv {
///     fn content_type(&self, _: &Gone) -> Option<HeaderValue> {
///         Some(HeaderValue::from_static("text/csv"))
///     }
///     fn write_body(&self, error: &Gone, out: &mut Vec<u8>) {
///         out.extend_from_slice(format!("error,id\ngone,{}\n", error.0).as_bytes());
///     }
/// }
///
/// struct Gone(u64);
/// impl HttpError for Gone {
///     fn status(&self) -> StatusCode {
///         StatusCode::GONE
///     }
///     fn message(&self) -> Cow<'_, str> {
///         Cow::Borrowed("gone")
///     }
///     fn to_response(&self) -> Response<bytes::Bytes> {
///         httperr::respond_with_body(self, &Csv)
///     }
/// }
///
/// let response = Gone(7).to_response();
/// assert_eq!(response.headers()["content-type"], "text/csv");
/// assert_eq!(response.body().as_ref(), b"error,id\ngone,7\n");
/// ```
pub fn respond_with_body<E: HttpError + ?Sized, W: WriteBody<E> + ?Sized>(
    error: &E,
    writer: &W,
) -> Response<Bytes> {
    response::respond_with_body(error, writer)
}

/// The public message of a response at `status`: `text` for a 4xx, the reason phrase for a
/// 5xx — the derive's rule for a 5xx without `#[http(expose)]`, for a hand-written
/// [`HttpError::message`].
///
/// ```
/// use http::StatusCode;
///
/// assert_eq!(httperr::public_message(StatusCode::CONFLICT, "email taken"), "email taken");
/// let hidden = httperr::public_message(StatusCode::BAD_GATEWAY, "db01: connection refused");
/// assert_eq!(hidden, "Bad Gateway");
/// ```
pub fn public_message<'a>(status: StatusCode, text: impl Into<Cow<'a, str>>) -> Cow<'a, str> {
    if status.is_server_error() {
        Cow::Borrowed(codes::title(status))
    } else {
        text.into()
    }
}

#[doc(hidden)]
pub mod __private;

// The framework impls of `Rejection`, as the framework derives write them for a user's type.
#[cfg(feature = "axum")]
crate::__impl_axum! { [] crate::Rejection [] }
#[cfg(feature = "actix-web")]
crate::__impl_actix_web! { [] crate::Rejection [] }
#[cfg(feature = "poem")]
crate::__impl_poem! { [] crate::Rejection [] }
#[cfg(feature = "rocket")]
crate::__impl_rocket! { [] crate::Rejection [] }
#[cfg(feature = "warp")]
crate::__impl_warp! { [] crate::Rejection [] }
#[cfg(feature = "salvo")]
crate::__impl_salvo! { [] crate::Rejection [] }
