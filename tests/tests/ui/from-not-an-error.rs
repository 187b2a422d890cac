// `#[from]` implies `#[source]`: a field that is not an error is reported once, at its type.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400)]
    Parse(#[from] u32),
}

fn main() {}
