fn main() {
    let status = httperr::status!();
    println!("{status}");
}
