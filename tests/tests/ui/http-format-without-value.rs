use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(format, codes)]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
