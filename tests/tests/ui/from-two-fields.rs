use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    Io {
        #[from]
        source: std::io::Error,
        path: String,
    },
}

fn main() {}
