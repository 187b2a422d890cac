use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(422)]
    #[detail]
    Invalid { field: String },
}

fn main() {}
