// The marked field is the error itself; another field may be the source.
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
        #[source]
        error: IndexError,
        index_name: String,
    },
    #[status(transparent)]
    Dump {
        #[transparent]
        error: IndexError,
        #[source]
        io: std::io::Error,
    },
}

fn main() {}
