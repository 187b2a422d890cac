use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(503)]
    Busy {
        #[headers]
        debug: http::HeaderMap,
    },
}

fn main() {}
