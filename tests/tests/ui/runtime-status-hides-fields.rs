use httperr::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[status("quota")]
    #[header(RETRY_AFTER, "{secs}")]
    Quota {
        #[status]
        code: u16,
        #[detail]
        remaining: u32,
        secs: u64,
    },
}

fn main() {}
