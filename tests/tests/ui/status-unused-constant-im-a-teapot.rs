use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(IM_A_TEAPOT)]
    Teapot,
}

fn main() {}
