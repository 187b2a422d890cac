use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError<E> {
    #[status(404, "{what} not found")]
    NotFound { what: E },
    #[status(50)]
    Internal,
}

fn main() {
    let e: ApiError<String> = ApiError::Internal;
    let _ = httperr::HttpError::to_response(&e);
    println!("{e}");
    let _: Box<dyn std::error::Error> = Box::new(e);
}
