use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(format = "problem")]
#[http(format = "json")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
