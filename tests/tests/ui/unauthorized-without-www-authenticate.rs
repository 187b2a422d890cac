use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(401, "missing or invalid token")]
    Unauthorized,
}

fn main() {}
