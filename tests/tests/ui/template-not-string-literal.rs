use httperr::HttpError;

const MESSAGE: &str = "user not found";

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, MESSAGE)]
    UserNotFound,
}

fn main() {}
