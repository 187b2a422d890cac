use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(400, "invalid page size {size}")]
#[http(expose)]
struct InvalidPageSize {
    size: u32,
}

fn main() {}
