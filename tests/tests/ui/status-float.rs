use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404.0)]
    NotFound,
}

fn main() {}
