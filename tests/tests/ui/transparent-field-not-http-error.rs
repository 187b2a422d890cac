use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Io(std::io::Error),
}

fn main() {}
