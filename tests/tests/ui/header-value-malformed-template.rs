use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    #[header(RETRY_AFTER, "{secs")]
    RateLimited { secs: u64 },
}

fn main() {}
