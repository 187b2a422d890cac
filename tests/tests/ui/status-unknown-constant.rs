use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(NOT_FOUN)]
    UserNotFound,
}

fn main() {}
