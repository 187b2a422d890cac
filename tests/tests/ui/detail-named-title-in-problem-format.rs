use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(format = "problem")]
enum ApiError {
    #[status(422, "the post is invalid")]
    InvalidPost {
        #[detail]
        title: String,
    },
}

fn main() {}
