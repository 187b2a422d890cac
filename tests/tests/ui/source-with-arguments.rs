use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    Io {
        #[source(io)]
        cause: std::io::Error,
    },
}

fn main() {}
