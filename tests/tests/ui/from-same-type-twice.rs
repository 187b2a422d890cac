use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    Read(#[from] std::io::Error),
    #[status(500)]
    Write(#[from] std::io::Error),
}

fn main() {}
