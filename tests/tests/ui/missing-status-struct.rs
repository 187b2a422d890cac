use httperr::HttpError;

#[derive(Debug, HttpError)]
struct NotFound {
    id: u64,
}

fn main() {}
