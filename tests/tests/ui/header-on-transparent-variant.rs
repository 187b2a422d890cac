use httperr::HttpError;

#[derive(Debug, HttpError)]
enum DbError {
    #[status(503)]
    #[header(RETRY_AFTER, "5")]
    Unavailable,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    #[header(RETRY_AFTER, "10")]
    Db(DbError),
}

fn main() {}
