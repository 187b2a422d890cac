use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    #[headers]
    Limited { quota: http::HeaderMap },
}

fn main() {}
