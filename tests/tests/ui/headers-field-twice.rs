use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    Limited {
        #[headers]
        quota: http::HeaderMap,
        #[headers]
        more: http::HeaderMap,
    },
}

fn main() {}
