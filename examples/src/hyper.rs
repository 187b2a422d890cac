//! The sample API on plain hyper 1, with no framework feature: errors become responses
//! through `HttpError::to_response()`.
//!
//! The pattern: the service's error type is `Infallible`, and every `ApiError` is turned into
//! its response with `error.to_response().map(Full::new)`. A service that returns `Err`
//! instead gets no response at all: hyper closes the connection.

use std::convert::Infallible;
use std::future::Future;
use std::pin::pin;
use std::time::Duration;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use http_body_util::Full;
use httperr::HttpError;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

use crate::{ApiError, error_case, find_user};

/// The service function, for `hyper::service::service_fn(handle)`.
pub async fn handle<B>(request: Request<B>) -> Result<Response<Full<Bytes>>, Infallible> {
    Ok(route(&request).unwrap_or_else(|error| error.to_response().map(Full::new)))
}

/// The routes, written with `?` like any handler; [`handle`] turns the error into a response.
fn route<B>(request: &Request<B>) -> Result<Response<Full<Bytes>>, ApiError> {
    let path = request.uri().path();
    let segments: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    match (request.method(), segments.as_slice()) {
        (&Method::GET, ["users", id]) => {
            // An id that is not a `u64` names no user.
            let id: u64 = id.parse().map_err(|_| ApiError::UserNotFound)?;
            let user = find_user(id)?;
            // Serializing a `User` cannot fail; were it to, it is a 500 like any I/O error.
            let body = serde_json::to_vec(&user).map_err(std::io::Error::from)?;
            let mut response = Response::new(Full::new(Bytes::from(body)));
            response
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            Ok(response)
        }
        (&Method::GET, ["errors", case]) => Err(error_case(case)),
        // Not a route of the API: an empty 404, as the frameworks give.
        _ => {
            let mut response = Response::new(Full::default());
            *response.status_mut() = StatusCode::NOT_FOUND;
            Ok(response)
        }
    }
}

/// Serves [`handle`] over HTTP/1.1 on `listener` until `shutdown` resolves; then stops
/// accepting, lets each open connection finish the request it is serving, and returns once
/// every connection has closed.
pub async fn serve(listener: TcpListener, shutdown: impl Future<Output = ()>) {
    // Dropping the sender tells every connection to shut down gracefully.
    let (closing, closed) = tokio::sync::watch::channel(());
    let mut connections = JoinSet::new();
    let mut shutdown = pin!(shutdown);
    loop {
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(error) => {
                    // Accept errors (a reset handshake, too many open files) concern one
                    // connection, not the server; pause so a persistent one does not spin.
                    eprintln!("accept failed: {error}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let mut closed = closed.clone();
        connections.spawn(async move {
            let connection =
                http1::Builder::new().serve_connection(TokioIo::new(stream), service_fn(handle));
            let mut connection = pin!(connection);
            tokio::select! {
                result = connection.as_mut() => result,
                _ = closed.changed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            }
        });
        // Reap finished connections so a long-running server does not accumulate them.
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    drop(closing);
    while let Some(joined) = connections.join_next().await {
        match joined {
            Ok(Ok(())) => {}
            // A client that goes away mid-request is not the server's failure: report it only.
            Ok(Err(error)) => eprintln!("connection error: {error}"),
            Err(error) => eprintln!("connection task failed: {error}"),
        }
    }
}
