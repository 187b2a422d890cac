use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(code = "api_error")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
