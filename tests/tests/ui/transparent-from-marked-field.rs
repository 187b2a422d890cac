// `From<IndexError>` would have no `index_name` to build the variant with.
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
        #[from]
        error: IndexError,
        index_name: String,
    },
}

fn main() {}
