// A transparent variant's field is the error itself, not its source.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum Inner {
    #[status(404)]
    Missing,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Inner(#[source] Inner),
}

fn main() {}
