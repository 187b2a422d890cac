// `#[transparent]` on a field of a variant with a status of its own would be ignored.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum IndexError {
    #[status(404)]
    NotFound,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(503)]
    Milli {
        #[transparent]
        error: IndexError,
        index_name: String,
    },
}

fn main() {}
