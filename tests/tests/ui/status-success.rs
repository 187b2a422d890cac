use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(200)]
    Fine,
}

fn main() {}
