use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(103)]
    EarlyHints,
}

fn main() {}
