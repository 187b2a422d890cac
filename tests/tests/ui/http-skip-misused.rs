// `skip` names impls the derive writes, on the type.
use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(skip(Display, Serialise, Debug, Display))]
enum ApiError {
    #[status(404)]
    #[http(skip(Error))]
    Missing,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("api error")
    }
}

fn main() {}
