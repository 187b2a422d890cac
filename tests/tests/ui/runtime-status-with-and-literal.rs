use httperr::HttpError;

fn pick() -> u16 {
    503
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500, with = pick)]
    CodeFirst,
    #[status(with = pick, 500)]
    CodeAfter,
    #[status(404, "not found")]
    FieldToo(#[status] u16),
}

fn main() {}
