use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(415)]
    #[header("Content-Type", "text/plain")]
    Unsupported,
}

fn main() {}
