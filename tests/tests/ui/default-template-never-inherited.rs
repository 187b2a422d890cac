// An enum-level default that every variant overrides is still checked.
use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(500, "oops {:.*}")]
enum ApiError {
    #[status(404)]
    Missing,
}

fn main() {}
