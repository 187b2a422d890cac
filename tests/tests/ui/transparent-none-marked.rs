// Several fields, none marked: the derive cannot guess which one the response comes from.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum IndexError {
    #[status(404)]
    NotFound,
}

#[derive(Debug, HttpError)]
#[status(transparent)]
enum ApiError {
    Single(IndexError),
    Milli { error: IndexError, index_name: String },
}

fn main() {}
