use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(418)]
    Teapot,
}

fn main() {}
