use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(500)]
#[status(503)]
enum ApiError {
    Internal,
    #[status(404)]
    NotFound,
}

fn main() {}
