use httperr::HttpError;

const API: &str = "message";

#[derive(Debug, HttpError)]
#[http(shape = API)]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
