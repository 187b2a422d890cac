use httperr::Shape;

// A key used twice fails the build where the shape is declared.
const API: Shape = Shape::json().message("error").code("error");

fn main() {
    let _ = API;
}
