use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "too many items", .items.len())]
    TooMany { items: Vec<u32> },
}

fn main() {}
