// The body is the wrapped error's: a detail on another field would never be sent.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum IndexError {
    #[status(404)]
    NotFound,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Milli {
        #[transparent]
        error: IndexError,
        #[detail]
        index_name: String,
    },
}

fn main() {}
