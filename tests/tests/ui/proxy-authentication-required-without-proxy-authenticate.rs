use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(407)]
    ProxyAuth,
}

fn main() {}
