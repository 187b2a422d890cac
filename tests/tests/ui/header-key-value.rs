use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    #[header(name = "retry-after", value = "{secs}")]
    RateLimited { secs: u64 },
}

fn main() {}
