fn main() {
    let status = httperr::status!(IM_A_TEAPOT);
    println!("{status}");
}
