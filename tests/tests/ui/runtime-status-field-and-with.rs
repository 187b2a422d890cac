use httperr::HttpError;

fn pick(_: &u16) -> u16 {
    503
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(with = pick)]
    Upstream(#[status] u16),
}

fn main() {}
