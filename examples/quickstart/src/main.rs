//! Prints the status, headers and body of each variant of a sample error enum: the README's
//! first command, `cargo run -p httperr-quickstart`, which builds httperr and nothing else.

#[derive(Debug, httperr::HttpError)]
enum UserError {
    #[status(404, "user {id} not found")]
    NotFound { id: u64 },
    #[status(409, "email {0} is already registered")]
    EmailTaken(String),
    #[status(429, "slow down")]
    #[header(RETRY_AFTER, "{retry_after}")]
    RateLimited { retry_after: u64 },
    #[status(500)]
    Db(#[from] std::io::Error),
}

fn main() {
    use httperr::HttpError;
    let errors = [
        UserError::NotFound { id: 42 },
        UserError::EmailTaken("ada@example.com".into()),
        UserError::RateLimited { retry_after: 30 },
        UserError::from(std::io::Error::other("disk on fire")),
    ];
    for error in &errors {
        let response = error.to_response();
        println!("{}", response.status());
        for (name, value) in response.headers() {
            println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
        }
        println!("{}\n", String::from_utf8_lossy(response.body()));
    }
}
