use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    Upstream {
        #[status]
        code: u16,
        #[status]
        fallback: u16,
    },
}

fn main() {}
