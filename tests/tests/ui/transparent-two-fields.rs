use httperr::HttpError;

#[derive(Debug, HttpError)]
enum DbError {
    #[status(503)]
    Unavailable,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Db(DbError, String),
}

fn main() {}
