use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(codes, format = "problem", codes)]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
