use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(306)]
    SwitchProxy,
}

fn main() {}
