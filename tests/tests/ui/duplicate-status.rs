use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    #[status(410)]
    Gone,
}

fn main() {}
