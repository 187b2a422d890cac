use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(format = "xml", cdes)]
enum ApiError {
    #[status(NOT_FOUN)]
    NotFound,
    #[status(404, "user {user_di} not found")]
    UserNotFound { user_id: u64 },
    #[status(401)]
    Unauthorized,
    #[status(418)]
    Teapot,
    #[status(429)]
    #[header(RETRY_AFTR, "{secs}")]
    RateLimited { secs: u64 },
    Conflict,
    #[status(500)]
    Io {
        #[from]
        source: std::io::Error,
        path: String,
    },
    #[status(transparent, "inner")]
    Inner,
}

fn main() {}
