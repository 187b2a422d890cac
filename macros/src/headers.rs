//! Headers: the `http::header` constants of http 1.x (name, lowercase header), and the rules a
//! `#[header(NAME, "value")]` is checked against.

use crate::attr::Header;
use crate::errors::Errors;
use crate::template::{FieldRef, Resolved};

pub(crate) const HEADERS: &[(&str, &str)] = &[
    ("ACCEPT", "accept"),
    ("ACCEPT_CHARSET", "accept-charset"),
    ("ACCEPT_ENCODING", "accept-encoding"),
    ("ACCEPT_LANGUAGE", "accept-language"),
    ("ACCEPT_RANGES", "accept-ranges"),
    (
        "ACCESS_CONTROL_ALLOW_CREDENTIALS",
        "access-control-allow-credentials",
    ),
    (
        "ACCESS_CONTROL_ALLOW_HEADERS",
        "access-control-allow-headers",
    ),
    (
        "ACCESS_CONTROL_ALLOW_METHODS",
        "access-control-allow-methods",
    ),
    ("ACCESS_CONTROL_ALLOW_ORIGIN", "access-control-allow-origin"),
    (
        "ACCESS_CONTROL_EXPOSE_HEADERS",
        "access-control-expose-headers",
    ),
    ("ACCESS_CONTROL_MAX_AGE", "access-control-max-age"),
    (
        "ACCESS_CONTROL_REQUEST_HEADERS",
        "access-control-request-headers",
    ),
    (
        "ACCESS_CONTROL_REQUEST_METHOD",
        "access-control-request-method",
    ),
    ("AGE", "age"),
    ("ALLOW", "allow"),
    ("ALT_SVC", "alt-svc"),
    ("AUTHORIZATION", "authorization"),
    ("CACHE_CONTROL", "cache-control"),
    ("CACHE_STATUS", "cache-status"),
    ("CDN_CACHE_CONTROL", "cdn-cache-control"),
    ("CONNECTION", "connection"),
    ("CONTENT_DISPOSITION", "content-disposition"),
    ("CONTENT_ENCODING", "content-encoding"),
    ("CONTENT_LANGUAGE", "content-language"),
    ("CONTENT_LENGTH", "content-length"),
    ("CONTENT_LOCATION", "content-location"),
    ("CONTENT_RANGE", "content-range"),
    ("CONTENT_SECURITY_POLICY", "content-security-policy"),
    (
        "CONTENT_SECURITY_POLICY_REPORT_ONLY",
        "content-security-policy-report-only",
    ),
    ("CONTENT_TYPE", "content-type"),
    ("COOKIE", "cookie"),
    ("DNT", "dnt"),
    ("DATE", "date"),
    ("ETAG", "etag"),
    ("EXPECT", "expect"),
    ("EXPIRES", "expires"),
    ("FORWARDED", "forwarded"),
    ("FROM", "from"),
    ("HOST", "host"),
    ("IF_MATCH", "if-match"),
    ("IF_MODIFIED_SINCE", "if-modified-since"),
    ("IF_NONE_MATCH", "if-none-match"),
    ("IF_RANGE", "if-range"),
    ("IF_UNMODIFIED_SINCE", "if-unmodified-since"),
    ("LAST_MODIFIED", "last-modified"),
    ("LINK", "link"),
    ("LOCATION", "location"),
    ("MAX_FORWARDS", "max-forwards"),
    ("ORIGIN", "origin"),
    ("PRAGMA", "pragma"),
    ("PROXY_AUTHENTICATE", "proxy-authenticate"),
    ("PROXY_AUTHORIZATION", "proxy-authorization"),
    ("PUBLIC_KEY_PINS", "public-key-pins"),
    ("PUBLIC_KEY_PINS_REPORT_ONLY", "public-key-pins-report-only"),
    ("RANGE", "range"),
    ("REFERER", "referer"),
    ("REFERRER_POLICY", "referrer-policy"),
    ("REFRESH", "refresh"),
    ("RETRY_AFTER", "retry-after"),
    ("SEC_WEBSOCKET_ACCEPT", "sec-websocket-accept"),
    ("SEC_WEBSOCKET_EXTENSIONS", "sec-websocket-extensions"),
    ("SEC_WEBSOCKET_KEY", "sec-websocket-key"),
    ("SEC_WEBSOCKET_PROTOCOL", "sec-websocket-protocol"),
    ("SEC_WEBSOCKET_VERSION", "sec-websocket-version"),
    ("SERVER", "server"),
    ("SET_COOKIE", "set-cookie"),
    ("STRICT_TRANSPORT_SECURITY", "strict-transport-security"),
    ("TE", "te"),
    ("TRAILER", "trailer"),
    ("TRANSFER_ENCODING", "transfer-encoding"),
    ("USER_AGENT", "user-agent"),
    ("UPGRADE", "upgrade"),
    ("UPGRADE_INSECURE_REQUESTS", "upgrade-insecure-requests"),
    ("VARY", "vary"),
    ("VIA", "via"),
    ("WARNING", "warning"),
    ("WWW_AUTHENTICATE", "www-authenticate"),
    ("X_CONTENT_TYPE_OPTIONS", "x-content-type-options"),
    ("X_DNS_PREFETCH_CONTROL", "x-dns-prefetch-control"),
    ("X_FRAME_OPTIONS", "x-frame-options"),
    ("X_XSS_PROTECTION", "x-xss-protection"),
];

/// http's constant for a (lowercase) header name, when it has one.
pub(crate) fn constant(name: &str) -> Option<&'static str> {
    for &(constant, lower) in HEADERS {
        if lower == name {
            return Some(constant);
        }
    }
    None
}

/// The header's value, resolved against the variant's fields; a fixed one is checked.
pub(crate) fn check(
    header: &Header,
    fields: &[FieldRef<'_>],
    errors: &mut Errors,
) -> Option<Resolved> {
    if header.name == "content-type" || header.name == "content-length" {
        errors.at(
            header.name_span,
            format!(
                "`{}` is set by httperr from the body: remove this #[header]",
                header.name
            ),
        );
        return None;
    }
    // Hop-by-hop and framing headers belong to the connection, which the server manages: one
    // sent from here breaks the response on the wire (RFC 9110, Section 7.6.1).
    const CONNECTION: [&str; 6] = [
        "transfer-encoding",
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "proxy-connection",
    ];
    if CONNECTION.contains(&header.name.as_str()) {
        errors.at(
            header.name_span,
            format!(
                "`{}` is a hop-by-hop header: the server sets it for the connection, and one sent from an error would break the response; remove this #[header]",
                header.name
            ),
        );
        return None;
    }
    let template = header.value.as_ref()?;
    let resolved = template.resolve(fields, errors)?;
    if let Some(text) = &resolved.fixed {
        let mut valid = true;
        for b in text.bytes() {
            valid &= b == b'\t' || (0x20..0x7f).contains(&b);
        }
        if !valid {
            errors.at(
                template.lit.span(),
                format!("invalid header value {text:?}: a fixed header value is visible ASCII, spaces and tabs, with no CR, LF or other control characters"),
            );
            return None;
        }
    }
    Some(resolved)
}

/// A header's name as RFC 9110 writes it: `Www-Authenticate` is `WWW-Authenticate`.
pub(crate) fn title(name: &str) -> String {
    if name == "www-authenticate" {
        return "WWW-Authenticate".to_owned();
    }
    let mut title = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        title.push(if start { c.to_ascii_uppercase() } else { c });
        start = c == '-';
    }
    title
}
