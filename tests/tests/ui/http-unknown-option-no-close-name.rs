use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    #[http(public)]
    NotFound,
}

fn main() {}
