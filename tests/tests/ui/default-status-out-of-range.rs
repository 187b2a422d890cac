use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(5000)]
enum ApiError {
    Internal,
    Database,
}

fn main() {}
