use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(503)]
    #[header(120, "retry")]
    Maintenance,
}

fn main() {}
