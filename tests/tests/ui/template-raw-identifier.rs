// `format!` does not accept raw identifiers in holes; the field `r#fn` is `{fn}`.
use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(400, "error: {r#fn}")]
struct ApiError {
    r#fn: &'static str,
}

fn main() {}
