use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(429)]
    Limited {
        #[headers]
        quota: Vec<(String, String)>,
    },
}

fn main() {}
