use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status("user not found")]
    UserNotFound,
}

fn main() {}
