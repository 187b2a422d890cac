use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, user_not_found)]
    UserNotFound { id: u64 },
}

fn main() {}
