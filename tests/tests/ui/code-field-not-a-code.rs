use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400)]
    Numbered(#[code] u32),
}

fn main() {}
