use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
