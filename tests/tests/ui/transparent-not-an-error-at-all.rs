// A transparent field that is neither an `HttpError` nor an error at all: one error, on the
// field, naming what to implement.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    A(Option<u32>),
}

fn main() {}
