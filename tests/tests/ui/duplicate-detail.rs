use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(422)]
    Invalid {
        #[detail]
        #[detail]
        field: String,
    },
}

fn main() {}
