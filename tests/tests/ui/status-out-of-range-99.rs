use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(99)]
    Weird,
}

fn main() {}
