use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    #[header(RETRY_AFTER, "{second}")]
    RateLimited { seconds: u64 },
}

fn main() {}
