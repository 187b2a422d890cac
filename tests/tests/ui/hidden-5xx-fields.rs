// A hidden 5xx sends nothing derived from its fields: no #[detail], no header that reads one.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    Db {
        #[detail]
        query: String,
    },
    #[status(503)]
    #[header("x-debug", "{0}")]
    #[header(RETRY_AFTER, "10")]
    Down(String),
}

fn main() {}
