use httperr::HttpError;

#[derive(Debug)]
struct UserId(u64);

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, "user {id} not found")]
    UserNotFound { id: UserId },
}

fn main() {}
