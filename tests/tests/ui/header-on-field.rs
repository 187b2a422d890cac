use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    RateLimited {
        #[header(RETRY_AFTER, "60")]
        secs: u64,
    },
}

fn main() {}
