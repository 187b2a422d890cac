use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(499)]
    ClientClosedRequest,
}

fn main() {}
