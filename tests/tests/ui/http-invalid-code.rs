use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    #[http(code = "has space")]
    NotFound,
}

fn main() {}
