use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status("404")]
    NotFound,
}

fn main() {}
