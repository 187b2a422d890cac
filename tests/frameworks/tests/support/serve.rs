//! The servers and the wire of the shape and fitting tests: axum and actix-web on 127.0.0.1:0,
//! a response as received, and the check that it is what `to_response()` builds.

use super::TIMEOUT;
use actix_web::{App, HttpServer};
use bytes::Bytes;
use std::future::{Future, IntoFuture};
use tokio::sync::oneshot;
use tokio::time::timeout;

/// A response as it came off the wire.
pub struct Received {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Bytes,
}

pub async fn send(request: reqwest::RequestBuilder, what: &str) -> Received {
    let response = timeout(TIMEOUT, request.send())
        .await
        .unwrap_or_else(|_| panic!("{what}: timed out"))
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = timeout(TIMEOUT, response.bytes())
        .await
        .unwrap_or_else(|_| panic!("{what}: the body timed out"))
        .unwrap_or_else(|e| panic!("{what}: the body: {e}"));
    Received {
        status,
        headers,
        body,
    }
}

/// The second check: what the server sent is what `to_response()` builds (status, every
/// header it has with all its values, content type or its absence, body).
pub fn check_against(what: &str, got: &Received, direct: &http::Response<Bytes>) {
    assert_eq!(
        got.status,
        direct.status().as_u16(),
        "{what}: status differs from to_response()"
    );
    assert_eq!(
        got.body.as_ref(),
        direct.body().as_ref(),
        "{what}: body differs from to_response()"
    );
    assert_eq!(
        got.headers.get("content-type").map(|v| v.as_bytes()),
        direct.headers().get("content-type").map(|v| v.as_bytes()),
        "{what}: content-type differs from to_response()"
    );
    for name in direct.headers().keys() {
        let sent: Vec<&[u8]> = got
            .headers
            .get_all(name.as_str())
            .iter()
            .map(|v| v.as_bytes())
            .collect();
        let built: Vec<&[u8]> = direct
            .headers()
            .get_all(name)
            .iter()
            .map(|v| v.as_bytes())
            .collect();
        assert_eq!(sent, built, "{what}: {name} differs from to_response()");
    }
}

/// A router served by `axum::serve` on 127.0.0.1:0, stopped gracefully by `stop`.
pub struct AxumServer {
    pub base: String,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl AxumServer {
    pub async fn start(router: axum::Router) -> AxumServer {
        let listener = timeout(TIMEOUT, tokio::net::TcpListener::bind("127.0.0.1:0"))
            .await
            .expect("bind timed out")
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("local address"));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .into_future(),
        );
        AxumServer { base, stop, task }
    }

    pub async fn stop(self) {
        self.stop.send(()).expect("the server stopped early");
        timeout(TIMEOUT, self.task)
            .await
            .expect("the server did not shut down")
            .expect("the server task panicked")
            .expect("the server failed");
    }
}

/// `app` on actix-web's real server, 127.0.0.1:0, one worker.
pub fn actix_server<F, T, B>(app: F) -> (actix_web::dev::Server, String)
where
    F: Fn() -> App<T> + Send + Clone + 'static,
    T: actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
            InitError = (),
        > + 'static,
    B: actix_web::body::MessageBody + 'static,
{
    let server = HttpServer::new(app)
        .workers(1)
        // The test stops the server itself; it must not take over the process's Ctrl-C.
        .disable_signals()
        .shutdown_timeout(TIMEOUT.as_secs())
        .bind(("127.0.0.1", 0))
        .expect("bind");
    let base = format!("http://{}", server.addrs()[0]);
    (server.run(), base)
}

/// Runs `server` while `check` runs against it, then stops it gracefully.
pub async fn while_serving(server: actix_web::dev::Server, check: impl Future<Output = ()>) {
    let handle = server.handle();
    let running = actix_web::rt::spawn(server);
    timeout(TIMEOUT, check).await.expect("checked in time");
    timeout(TIMEOUT, handle.stop(true))
        .await
        .expect("server stopped in time");
    timeout(TIMEOUT, running)
        .await
        .expect("server task ended in time")
        .expect("server task")
        .expect("server ran without I/O errors");
}
