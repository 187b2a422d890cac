// Only the `HttpError` impl (the body) needs a `#[detail]` field to be `Serialize`: `Display`
// and `Error` exist without it, and using the type as an `HttpError` says what is missing.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum JobError<T> {
    #[status(409, "job is busy")]
    Busy {
        #[detail]
        owner: T,
    },
}

#[derive(Debug)]
struct Owner;

fn main() {
    let error = JobError::Busy { owner: Owner };
    let _ = error.to_string();
    let _: &dyn std::error::Error = &error;
    let _ = error.to_response();
}
