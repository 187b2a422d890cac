use httperr::HttpError;

// A `#[detail]` field must be `Serialize`: the error points at the field's type.
#[derive(Debug)]
struct Quantity(u32);

#[derive(Debug, HttpError)]
enum OrderError {
    #[status(422, "order is invalid")]
    Invalid {
        #[detail]
        field: String,
        #[detail]
        quantity: Quantity,
    },
}

fn main() {}
