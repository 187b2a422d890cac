use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(cdes)]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
