use httperr::{HttpError, Shape};

const API: Shape = Shape::json().message("message");

// Each option's mistake is reported where it is, all in one build.
#[derive(Debug, HttpError)]
#[http(shape)]
enum NoValue {
    #[status(404)]
    NotFound,
}

#[derive(Debug, HttpError)]
#[http(shape = "API")]
enum NotAPath {
    #[status(404)]
    NotFound,
}

#[derive(Debug, HttpError)]
#[http(shape = API, format = "problem")]
enum TwoFormats {
    #[status(404)]
    NotFound,
}

#[derive(Debug, HttpError)]
#[http(shape = API)]
enum ShapeAndBody {
    #[status(404)]
    #[http(shape = API, body = API)]
    NotFound,
    #[status(409)]
    #[http(category = 3)]
    Conflict,
}

fn main() {}
