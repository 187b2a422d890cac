use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "{} items is too many" .items.len())]
    TooMany { items: Vec<u32> },
}

fn main() {}
