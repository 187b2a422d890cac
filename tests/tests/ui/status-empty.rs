use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status]
    NotFound,
}

fn main() {}
