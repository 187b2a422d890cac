use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(with)]
    NoFunction,
    #[status(with = "pick")]
    StringFunction,
}

fn main() {}
