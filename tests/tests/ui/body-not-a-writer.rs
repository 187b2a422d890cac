use httperr::HttpError;

struct Writer;

#[derive(Debug, HttpError)]
#[http(body = Writer)]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
