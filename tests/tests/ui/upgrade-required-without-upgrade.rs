use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(426, "this endpoint speaks websocket only")]
    #[header(CACHE_CONTROL, "no-store")]
    UpgradeRequired,
}

fn main() {}
