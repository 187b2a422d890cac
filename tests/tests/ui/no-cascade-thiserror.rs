use httperr::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("user {id} not found")]
    #[status(40)]
    UserNotFound { id: u64 },
    #[error("i/o")]
    #[status(500)]
    Io(#[from] std::io::Error),
}

fn load() -> Result<(), ApiError> {
    std::fs::read("x")?;
    Ok(())
}

fn main() {
    let e = load().unwrap_err();
    let _: Box<dyn std::error::Error> = Box::new(e);
    let e = ApiError::UserNotFound { id: 1 };
    let _ = httperr::HttpError::to_response(&e);
    let _ = serde_json::to_string(&e);
}
