use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(499)]
enum ApiError {
    ClientClosed,
    #[status(404)]
    NotFound,
}

fn main() {}
