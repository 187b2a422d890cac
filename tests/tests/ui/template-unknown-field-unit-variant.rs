// A hole naming no field, and no name close to a field's, is captured from the scope as
// `format!` does (a constant works); with nothing of that name, rustc says so at the name.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(404, "user {id} not found")]
    UserNotFound,
}

fn main() {}
