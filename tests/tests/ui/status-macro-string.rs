fn main() {
    let status = httperr::status!("404");
    println!("{status}");
}
