// In a tuple variant `{0}` is field 0; beside positional arguments it would be ambiguous.
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status(400, "{0} and {}", .1)]
    Pair(u8, u8),
}

fn main() {}
