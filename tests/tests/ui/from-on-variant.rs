use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    #[from]
    Io(std::io::Error),
}

fn main() {}
