use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(404)]
struct Inner;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Wrapped {
        #[transparent]
        inner: Inner,
        #[status]
        code: u16,
    },
}

fn main() {}
