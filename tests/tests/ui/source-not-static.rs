// `Error::source` returns `dyn Error + 'static`: a borrowed source cannot be one.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError<'a> {
    #[status(500)]
    Parse(#[source] &'a std::io::Error),
}

fn main() {}
