use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    #[http(code = "not_found", code = "missing")]
    NotFound,
}

fn main() {}
