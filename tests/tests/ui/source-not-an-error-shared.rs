use httperr::HttpError;

// Variants whose sources have the same type share one arm of `Error::source`: the error is
// reported once, at the first of them.
#[derive(Debug, HttpError)]
enum ApiError {
    #[status(500)]
    Upstream {
        #[source]
        cause: String,
    },
    #[status(502)]
    Gateway {
        #[source]
        cause: String,
    },
}

fn main() {}
