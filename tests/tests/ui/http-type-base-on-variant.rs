use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(format = "problem")]
enum ApiError {
    #[status(404)]
    #[http(type_base = "https://example.com/problems/")]
    NotFound,
}

fn main() {}
