use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, "user id} not found")]
    UserNotFound { id: u64 },
}

fn main() {}
