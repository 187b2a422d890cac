use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, "user {user_di} not found")]
    UserNotFound { user_id: u64 },
}

fn main() {}
