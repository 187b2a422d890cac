use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400)]
    #[header("x request id", "{id}")]
    BadRequest { id: String },
}

fn main() {}
