use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(http::StatusCode::TEAPOT)]
    Teapot,
}

fn main() {}
