const TOO_BIG: http::StatusCode = httperr::status!(600);

fn main() {
    let _ = TOO_BIG;
}
