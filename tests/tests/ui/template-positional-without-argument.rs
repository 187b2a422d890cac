use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "too many items: {}")]
    TooMany { items: Vec<u32> },
}

fn main() {}
