use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404)]
    NotFound {
        #[status(410)]
        id: u64,
    },
}

fn main() {}
