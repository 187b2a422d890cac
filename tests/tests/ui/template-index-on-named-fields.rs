use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, "user {0} not found")]
    UserNotFound { id: u64 },
}

fn main() {}
