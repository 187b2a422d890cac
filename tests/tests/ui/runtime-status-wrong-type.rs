use httperr::HttpError;

fn pick() -> String {
    "503".to_owned()
}

#[derive(Debug, HttpError)]
enum ApiError {
    #[status("upstream failed")]
    Field {
        #[status]
        code: String,
    },
    #[status(with = pick)]
    Function,
}

fn main() {}
