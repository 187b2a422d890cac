use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(502, "upstream {name} failed")]
    #[http(expose = true)]
    Upstream { name: String },
}

fn main() {}
