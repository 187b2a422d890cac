use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    NotFound {
        #[http(code = "id")]
        id: u64,
    },
}

fn main() {}
