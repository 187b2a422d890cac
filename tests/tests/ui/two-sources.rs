use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    Copy {
        #[source]
        read: std::io::Error,
        #[source]
        write: std::io::Error,
    },
}

fn main() {}
