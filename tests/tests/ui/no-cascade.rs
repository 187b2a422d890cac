use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(NOT_FOUN)]
    A,
    #[status(500)]
    B(#[from] std::io::Error),
}

fn f() -> Result<(), ApiError> {
    Err(ApiError::A)
}

fn g() -> Result<(), ApiError> {
    std::fs::read("x")?;
    Ok(())
}

fn main() {
    let _: Box<dyn std::error::Error> = Box::new(ApiError::A);
    let e = f().unwrap_err();
    let _ = g();
    let _ = httperr::HttpError::to_response(&e);
    let _ = e.status();
    println!("{e}");
    let _ = serde_json::to_string(&e);
}
