use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Inner,
}

fn main() {}
