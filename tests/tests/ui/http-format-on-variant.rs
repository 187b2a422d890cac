use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    #[http(format = "problem")]
    NotFound,
}

fn main() {}
