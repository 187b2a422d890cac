use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    NotFound,
    Conflict,
}

fn main() {}
