use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    #[header("", "60")]
    RateLimited,
}

fn main() {}
