//! The `tracing` feature: a 5xx is logged with its Display text and source chain at error level,
//! while the body stays generic; a 4xx logs nothing above debug.

mod capture;

use capture::{Capture, Logged};
use httperr::HttpError;
use tracing::Level;

fn capture(f: impl FnOnce()) -> Vec<Logged> {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture.clone(), f);
    capture.events()
}

/// An error with a cause of its own, so the chain has two links.
#[derive(Debug)]
struct PoolError(std::io::Error);
impl std::fmt::Display for PoolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection pool exhausted")
    }
}
impl std::error::Error for PoolError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[derive(Debug, HttpError)]
enum AccountError {
    #[status(404, "account {0} not found")]
    NotFound(u64),
    #[status(500, "loading account {id} failed")]
    Load { id: u64, source: PoolError },
    #[status(400)]
    #[header("x-request-id", "{0}")]
    Bad(String),
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Account(#[from] AccountError),
}

#[test]
fn server_error_logs_display_and_whole_chain() {
    let error = AccountError::Load {
        id: 7,
        source: PoolError(std::io::Error::other("postgres at 10.0.0.5 refused")),
    };
    let mut body = Vec::new();
    let events = capture(|| body = error.to_response().into_body().to_vec());
    assert_eq!(body, br#"{"error":"Internal Server Error"}"#);
    let errors: Vec<_> = events.iter().filter(|e| e.level == Level::ERROR).collect();
    assert_eq!(errors.len(), 1, "{events:?}");
    let fields = &errors[0].fields;
    assert_eq!(fields["status"], "500");
    assert_eq!(fields["error"], "loading account 7 failed");
    assert_eq!(
        fields["sources"],
        "connection pool exhausted: postgres at 10.0.0.5 refused"
    );
}

#[test]
fn client_error_logs_only_at_debug() {
    let events = capture(|| {
        let _ = AccountError::NotFound(3).to_response();
    });
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].level, Level::DEBUG);
    assert_eq!(events[0].fields["error"], "account 3 not found");
}

#[test]
fn transparent_server_error_is_logged_once() {
    let error = ApiError::from(AccountError::Load {
        id: 1,
        source: PoolError(std::io::Error::other("timeout")),
    });
    let events = capture(|| {
        let _ = error.to_response();
    });
    let errors: Vec<_> = events.iter().filter(|e| e.level == Level::ERROR).collect();
    assert_eq!(errors.len(), 1, "{events:?}");
    assert_eq!(
        errors[0].fields["sources"],
        "connection pool exhausted: timeout"
    );
}

#[test]
fn dropped_header_is_warned_about() {
    let events = capture(|| {
        let response = AccountError::Bad("id\r\nset-cookie: x".into()).to_response();
        assert!(response.headers().get("x-request-id").is_none());
    });
    let warnings: Vec<_> = events.iter().filter(|e| e.level == Level::WARN).collect();
    assert_eq!(warnings.len(), 1, "{events:?}");
    assert_eq!(warnings[0].fields["header"], "x-request-id");
}
