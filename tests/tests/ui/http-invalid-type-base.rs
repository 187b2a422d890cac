use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(format = "problem", type_base = "https://example.com/my problems/")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
