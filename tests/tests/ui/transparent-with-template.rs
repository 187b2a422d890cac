use httperr::HttpError;

#[derive(Debug, HttpError)]
enum DbError {
    #[status(503)]
    Unavailable,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent, "database error")]
    Db(DbError),
}

fn main() {}
