use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(204)]
    #[http(unregistered)]
    NoContent,
}

fn main() {}
