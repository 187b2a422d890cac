use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(413)]
    #[header(CONTENT_LENGTH, "0")]
    TooLarge,
}

fn main() {}
