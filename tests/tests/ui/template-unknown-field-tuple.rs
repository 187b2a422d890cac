use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, "user {name} not found")]
    UserNotFound(String),
}

fn main() {}
