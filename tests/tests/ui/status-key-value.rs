use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(code = 404)]
    UserNotFound,
}

fn main() {}
