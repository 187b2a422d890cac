// A code derived from a non-ASCII variant name would not be a valid code (nor, with
// `type_base`, a URI): name it.
use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(codes)]
enum ApiError {
    #[status(404)]
    Café,
    #[status(404)]
    #[http(code = "tea")]
    Thé,
}

fn main() {}
