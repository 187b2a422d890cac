//! Status codes: every form of `#[status]`, enum defaults, unregistered codes and `status!`.

mod common;
use common::assert_json;
use http::StatusCode;
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum OrderError {
    #[status(404)]
    NotFound,
    #[status(CONFLICT)]
    AlreadyPaid,
    #[status(StatusCode::GONE)]
    Cancelled,
    #[status(http::StatusCode::PAYMENT_REQUIRED)]
    CardDeclined,
    // The RFC 9110 phrase works as well as http's constant name.
    #[status(CONTENT_TOO_LARGE)]
    TooManyItems,
    #[status(UNPROCESSABLE_ENTITY)]
    Invalid,
}

#[test]
fn every_form_of_status() {
    assert_json(&OrderError::NotFound, 404, r#"{"error":"Not Found"}"#);
    assert_json(&OrderError::AlreadyPaid, 409, r#"{"error":"Conflict"}"#);
    assert_json(&OrderError::Cancelled, 410, r#"{"error":"Gone"}"#);
    assert_json(
        &OrderError::CardDeclined,
        402,
        r#"{"error":"Payment Required"}"#,
    );
    assert_json(
        &OrderError::TooManyItems,
        413,
        r#"{"error":"Content Too Large"}"#,
    );
    assert_json(
        &OrderError::Invalid,
        422,
        r#"{"error":"Unprocessable Content"}"#,
    );
}

#[derive(Debug, HttpError)]
#[status(500)]
enum StorageError {
    Disk(#[from] std::io::Error),
    Timeout,
    #[status(503, "storage is in maintenance")]
    #[http(expose)]
    Maintenance,
}

#[test]
fn enum_default_status() {
    assert_json(
        &StorageError::from(std::io::Error::other("EIO")),
        500,
        r#"{"error":"Internal Server Error"}"#,
    );
    assert_json(
        &StorageError::Timeout,
        500,
        r#"{"error":"Internal Server Error"}"#,
    );
    assert_json(
        &StorageError::Maintenance,
        503,
        r#"{"error":"storage is in maintenance"}"#,
    );
}

#[derive(Debug, HttpError)]
#[status(400, "invalid request")]
#[allow(dead_code)] // `max` is for the logs; the public message is fixed
enum InputError {
    Empty,
    TooLong {
        max: usize,
    },
    #[status(422, "field {0} is invalid")]
    Field(String),
}

#[test]
fn enum_default_with_template() {
    assert_json(&InputError::Empty, 400, r#"{"error":"invalid request"}"#);
    assert_json(
        &InputError::TooLong { max: 3 },
        400,
        r#"{"error":"invalid request"}"#,
    );
    assert_json(
        &InputError::Field("email".into()),
        422,
        r#"{"error":"field email is invalid"}"#,
    );
}

#[derive(Debug, HttpError)]
#[http(unregistered)]
enum ProxyError {
    /// nginx's "client closed request".
    #[status(499)]
    ClientClosed,
    #[status(599, "upstream {0} timed out")]
    UpstreamTimeout(String),
}

#[test]
fn unregistered_codes_opt_in() {
    // An unregistered code has no reason phrase; its class name stands in.
    assert_json(
        &ProxyError::ClientClosed,
        499,
        r#"{"error":"Client Error"}"#,
    );
    assert_json(
        &ProxyError::UpstreamTimeout("db".into()),
        599,
        r#"{"error":"Server Error"}"#,
    );
}

#[test]
fn status_macro_is_const() {
    const CONFLICT: StatusCode = httperr::status!(409);
    const GONE: StatusCode = httperr::status!(GONE);
    const TOO_LARGE: StatusCode = httperr::status!(StatusCode::CONTENT_TOO_LARGE);
    assert_eq!(CONFLICT, StatusCode::CONFLICT);
    assert_eq!(GONE, StatusCode::GONE);
    assert_eq!(TOO_LARGE.as_u16(), 413);
    // Success and redirect codes are statuses too; only the derive requires errors.
    assert_eq!(httperr::status!(201), StatusCode::CREATED);
    assert_eq!(httperr::status!(308), StatusCode::PERMANENT_REDIRECT);
}

#[test]
fn status_of_struct() {
    #[derive(Debug, HttpError)]
    #[status(FORBIDDEN, "user {user} may not see order {order}")]
    struct AccessDenied {
        user: u64,
        order: u64,
    }
    assert_json(
        &AccessDenied { user: 7, order: 99 },
        403,
        r#"{"error":"user 7 may not see order 99"}"#,
    );

    #[derive(Debug, HttpError)]
    #[status(404)]
    struct NotFound;
    assert_json(&NotFound, 404, r#"{"error":"Not Found"}"#);
}
