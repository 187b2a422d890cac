use httperr::HttpError;

#[derive(Debug, HttpError)]
enum DbError {
    #[status(503)]
    Unavailable,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Db {
        #[detail]
        inner: DbError,
    },
}

fn main() {}
