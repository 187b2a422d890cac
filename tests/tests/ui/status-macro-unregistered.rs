fn main() {
    let status = httperr::status!(420);
    println!("{status}");
}
