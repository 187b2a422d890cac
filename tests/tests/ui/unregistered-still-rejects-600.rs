use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(unregistered)]
enum ApiError {
    #[status(499)]
    ClientClosedRequest,
    #[status(600)]
    Nonsense,
}

fn main() {}
