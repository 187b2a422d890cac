use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(0)]
    Zero,
}

fn main() {}
