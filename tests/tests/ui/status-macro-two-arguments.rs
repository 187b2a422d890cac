fn main() {
    let status = httperr::status!(404, "not found");
    println!("{status}");
}
