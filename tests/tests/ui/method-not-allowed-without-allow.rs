use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(METHOD_NOT_ALLOWED)]
    MethodNotAllowed,
}

fn main() {}
