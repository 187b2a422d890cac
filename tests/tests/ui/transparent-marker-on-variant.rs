// The marker is a field's; the variant's is #[status(transparent)].
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum IndexError {
    #[status(404)]
    NotFound,
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[transparent]
    Index(IndexError),
    #[status(transparent)]
    Other(#[transparent(error)] IndexError, String),
}

fn main() {}
