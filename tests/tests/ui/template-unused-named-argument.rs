use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "{count} items is too many", count = .items.len(), max = 10)]
    TooMany { items: Vec<u32> },
}

fn main() {}
