//! Rocket: the sample API on Rocket's real server, with our body never replaced by a catcher.

mod support;

use std::collections::HashSet;
use std::net::Ipv4Addr;

use rocket::config::{Config, LogLevel, Shutdown};
use rocket::fairing::AdHoc;
use support::TIMEOUT;
use tokio::sync::oneshot;
use tokio::time::timeout;

/// Port 0 and quiet: Rocket's launch banner and per-request lines would drown the test output.
fn test_config() -> Config {
    Config {
        address: Ipv4Addr::LOCALHOST.into(),
        port: 0,
        log_level: LogLevel::Off,
        shutdown: Shutdown {
            // The test stops the server itself; it must not take over Ctrl-C or SIGTERM.
            ctrlc: false,
            #[cfg(unix)]
            signals: HashSet::new(),
            grace: 1,
            mercy: 1,
            ..Shutdown::default()
        },
        ..Config::debug_default()
    }
}

#[tokio::test]
async fn rocket_serves_the_sample_api() {
    // Rocket binds the port during `launch` and records the real one in its config just
    // before liftoff fairings run, so a liftoff fairing reports it.
    let (port_tx, port_rx) = oneshot::channel::<u16>();
    let rocket = httperr_examples::rocket::app(rocket::custom(test_config())).attach(
        AdHoc::on_liftoff("report port", move |rocket| {
            Box::pin(async move {
                let _ = port_tx.send(rocket.config().port);
            })
        }),
    );
    let rocket = rocket.ignite().await.expect("rocket ignites");
    let shutdown = rocket.shutdown();
    let server = tokio::spawn(rocket.launch());

    let port = timeout(TIMEOUT, port_rx)
        .await
        .expect("rocket launched in time")
        .expect("rocket reported its port");
    assert_ne!(port, 0);
    let base = format!("http://127.0.0.1:{port}");
    timeout(TIMEOUT, support::check_sample_api(&base))
        .await
        .expect("sample API checked in time");

    // `content-length` comes from the sized body alone: copying ours too would send it twice.
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .expect("client");
    let response = client
        .get(format!("{base}/errors/rate-limited"))
        .send()
        .await
        .expect("GET /errors/rate-limited");
    assert_eq!(
        response.headers().get_all("content-length").iter().count(),
        1
    );
    assert_eq!(response.headers().get_all("retry-after").iter().count(), 1);
    drop(response);
    drop(client);

    shutdown.notify();
    timeout(TIMEOUT, server)
        .await
        .expect("rocket stopped in time")
        .expect("rocket task")
        .expect("rocket ran without errors");
}

/// Generic and borrowing types are responders too: the derive's impl generics follow the
/// glue's own lifetime (`impl<'r, 'a, T>`), and an empty list leaves a valid `impl<'r, >`.
#[test]
fn rocket_responder_for_generic_and_borrowing_types() {
    use rocket::response::Responder;

    #[derive(Debug, httperr::HttpError)]
    enum Lookup<'a, T: std::fmt::Display + std::fmt::Debug> {
        #[status(404, "no {0} named {1}")]
        Missing(&'a str, T),
    }

    fn assert_responder<'r, R: Responder<'r, 'static>>(_: &R) {}
    let name = String::from("ada");
    let error = Lookup::Missing(name.as_str(), 7_u32);
    assert_responder(&error);
    assert_responder(&httperr_examples::error_case("storage"));
}
