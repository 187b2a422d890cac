use httperr::HttpError;

#[derive(Debug, HttpError)]
#[status(404, "{kind} {id} not found")]
enum NotFound {
    User { kind: &'static str, id: u64 },
    Order { id: u64 },
}

fn main() {}
