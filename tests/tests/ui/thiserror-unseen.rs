// thiserror on a type where httperr sees no `#[error]` (an empty enum): both derives write
// `Display` and `Error`. The README's troubleshooting section points at the fix,
// `#[http(skip(Display, Error, From))]`.
use httperr::HttpError;

#[derive(Debug, HttpError, thiserror::Error)]
enum Never {}

fn main() {}
