use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, "user {} not found")]
    UserNotFound(u64),
}

fn main() {}
