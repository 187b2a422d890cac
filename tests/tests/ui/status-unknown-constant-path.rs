use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(StatusCode::NOT_FOUN)]
    UserNotFound,
}

fn main() {}
