use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "bad range {0}..{3}")]
    BadRange(u64, u64),
}

fn main() {}
