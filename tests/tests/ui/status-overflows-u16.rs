use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(70000)]
    Overflow,
}

fn main() {}
