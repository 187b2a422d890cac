use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(409, "{email} is already taken")]
    Taken { name: String, id: u64 },
}

fn main() {}
