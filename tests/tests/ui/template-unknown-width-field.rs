use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "bad id {id:>width$}")]
    BadId { id: u64 },
}

fn main() {}
