use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(format = problem)]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
