use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(503, "down for {}")]
    Maintenance,
}

fn main() {}
