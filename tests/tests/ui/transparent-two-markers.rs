// A transparent variant forwards to one field: two markers cannot both be it.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum IndexError {
    #[status(404)]
    NotFound,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Index {
        #[transparent]
        error: IndexError,
        #[transparent]
        previous: IndexError,
    },
}

fn main() {}
