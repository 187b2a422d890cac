use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(422)]
    Invalid {
        #[detail = "field"]
        field: String,
    },
}

fn main() {}
