use httperr::HttpError;

fn pick(_: &u32) -> &'static str {
    "x"
}

#[derive(Debug, HttpError)]
#[http(code = pick)]
enum OnTheEnum {
    #[status(400)]
    A(u32),
}

#[derive(Debug, HttpError)]
enum Misused {
    #[code]
    #[status(400)]
    OnAVariant,
    #[status(400)]
    Twice {
        #[code]
        a: String,
        #[code]
        b: String,
    },
    #[status(400)]
    #[http(code = "fixed")]
    Both(#[code] String),
    #[status(400)]
    Arguments(#[code(rename)] String),
}

fn main() {}
