use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    #[header(X_REQUEST_ID, "{id}")]
    RateLimited { id: String },
}

fn main() {}
