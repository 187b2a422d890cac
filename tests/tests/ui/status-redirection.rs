use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(302)]
    Moved,
}

fn main() {}
