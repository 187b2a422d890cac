use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(401)]
enum AuthError {
    #[header(WWW_AUTHENTICATE, "Bearer")]
    MissingToken,
    ExpiredToken,
}

fn main() {}
