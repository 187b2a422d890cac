use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(503)]
    #[header(RETRY_AFTER, 120)]
    Maintenance,
}

fn main() {}
