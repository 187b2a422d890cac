use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    #[source]
    Io(std::io::Error),
}

fn main() {}
