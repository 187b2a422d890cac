use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(1000)]
    TooBig,
}

fn main() {}
