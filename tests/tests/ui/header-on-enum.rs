use httperr::HttpError;

#[derive(Debug, HttpError)]
#[header(RETRY_AFTER, "60")]
enum ApiError {
    #[status(429)]
    RateLimited,
    #[status(503)]
    Maintenance,
}

fn main() {}
