use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(420, "enhance your calm")]
    EnhanceYourCalm,
}

fn main() {}
