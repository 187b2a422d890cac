use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    Inner(#[headers] Other),
    #[status(429)]
    Limited {
        #[headers(x)]
        quota: http::HeaderMap,
    },
    #[status(400)]
    Both {
        #[headers]
        #[detail]
        map: http::HeaderMap,
    },
}

#[derive(Debug, HttpError)]
#[status(404)]
struct Other;

fn main() {}
