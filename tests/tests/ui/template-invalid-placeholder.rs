use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "bad value {-}")]
    BadValue { value: i64 },
}

fn main() {}
