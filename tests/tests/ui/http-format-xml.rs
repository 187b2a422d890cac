use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(format = "xml")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
