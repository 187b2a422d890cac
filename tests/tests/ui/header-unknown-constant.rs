use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    #[header(RETRY_AFTR, "{secs}")]
    RateLimited { secs: u64 },
}

fn main() {}
