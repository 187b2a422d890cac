use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(503)]
    #[header(RETRY_AFTER, )]
    Maintenance,
}

fn main() {}
