use httperr::HttpError;

#[derive(HttpError)]
union ApiError {
    code: u16,
    raw: u32,
}

fn main() {}
