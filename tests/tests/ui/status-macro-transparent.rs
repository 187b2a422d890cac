fn main() {
    let status = httperr::status!(transparent);
    println!("{status}");
}
