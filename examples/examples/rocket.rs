//! The sample API on Rocket: `cargo run -p httperr-examples --example rocket`, then
//! `curl -i localhost:3000/errors/rate-limited`.

use rocket::Config;
use rocket::fairing::AdHoc;

#[rocket::main]
async fn main() -> Result<(), Box<rocket::Error>> {
    let address = httperr_examples::address();
    let config = Config {
        address: address.ip(),
        port: address.port(),
        // Rocket's own launch banner is long; the line below says what matters.
        log_level: rocket::config::LogLevel::Critical,
        ..Config::debug_default()
    };
    let rocket = httperr_examples::rocket::app(rocket::custom(config)).attach(AdHoc::on_liftoff(
        "address",
        |rocket| {
            Box::pin(async move {
                let config = rocket.config();
                println!(
                    "rocket: listening on http://{}:{} (Ctrl-C to stop)",
                    config.address, config.port
                );
            })
        },
    ));
    // Rocket stops gracefully on Ctrl-C by itself (`Config::shutdown`), then `launch` returns.
    rocket.launch().await.map_err(Box::new)?;
    Ok(())
}
