use httperr::HttpError;

fn pick(_: &u32) -> &'static str {
    "x"
}

#[derive(Debug, HttpError)]
#[http(format = "problem", type_base = "https://example.com/probs/")]
enum ApiError {
    #[status(400)]
    #[http(code = pick)]
    Picked(u32),
}

fn main() {}
