use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(type_base = "https://example.com/problems/")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
