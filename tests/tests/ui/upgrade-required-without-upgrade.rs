use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(426, "this endpoint speaks websocket only")]
    #[header(CONNECTION, "upgrade")]
    UpgradeRequired,
}

fn main() {}
