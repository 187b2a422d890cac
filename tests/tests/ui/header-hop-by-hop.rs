// Hop-by-hop and framing headers belong to the connection: rejected like content-length.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400)]
    #[header(TRANSFER_ENCODING, "chunked")]
    #[header("Keep-Alive", "timeout=5")]
    #[header(UPGRADE, "websocket")]
    Bad,
}

fn main() {}
