use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    NotFound,
    #[status(600)]
    Broken,
}

fn main() {}
