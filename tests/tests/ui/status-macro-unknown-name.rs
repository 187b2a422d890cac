fn main() {
    let status = httperr::status!(CONFLICTT);
    println!("{status}");
}
