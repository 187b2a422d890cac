use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(expose)]
enum ApiError {
    #[status(502, "upstream {name} failed")]
    Upstream { name: String },
}

fn main() {}
