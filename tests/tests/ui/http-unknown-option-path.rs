use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(serde::rename = "x")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
