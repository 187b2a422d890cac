use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    Upstream {
        #[source]
        cause: String,
    },
}

fn main() {}
