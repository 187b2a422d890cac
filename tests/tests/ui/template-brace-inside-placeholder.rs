use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "bad value {a{b}")]
    BadValue { a: u32, b: u32 },
}

fn main() {}
