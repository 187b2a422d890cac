use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(OK)]
    AllGood,
}

fn main() {}
