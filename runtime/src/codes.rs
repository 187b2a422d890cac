//! The HTTP status-code table: every code in the IANA registry, with its reason phrase and RFC facts, usable in `const`.
//!
//! [`ALL`] lists the 64 codes of the IANA "HTTP Status Code Registry"
//! (last updated 2025-09-15), in increasing order. Each [`StatusInfo`] row
//! gives the code, its reason phrase, its [`Class`], the specification that
//! defines it, the header fields the RFCs require or recommend with it,
//! whether it may carry content, how caches treat it, its registry state and
//! a one-line summary of when to use it. [`lookup`] finds a row by number and
//! is a `const fn`, so it works in `const` items as well as at run time.
//!
//! The derive macro checks `#[status(...)]` codes against this same table:
//! both crates are built from one data file, so the two can never disagree.
//!
//! ```
//! use httperr::codes::{self, Cacheable, Class};
//!
//! const TOO_LARGE: &codes::StatusInfo = match codes::lookup(413) {
//!     Some(info) => info,
//!     None => panic!("413 is registered"),
//! };
//! assert_eq!(TOO_LARGE.reason, "Content Too Large");
//! assert_eq!(TOO_LARGE.class, Class::ClientError);
//! assert_eq!(TOO_LARGE.recommended_headers, ["retry-after"]);
//! assert_eq!(TOO_LARGE.status_code(), http::StatusCode::PAYLOAD_TOO_LARGE);
//!
//! let unauthorized = codes::lookup(401).expect("401 is registered");
//! assert_eq!(unauthorized.required_headers, ["www-authenticate"]);
//! assert_eq!(unauthorized.cacheable, Cacheable::Explicit);
//!
//! // 420 is not registered; 418 is registered but reserved, so it has no phrase.
//! assert!(codes::lookup(420).is_none());
//! assert_eq!(codes::reason(418), None);
//! assert_eq!(codes::reason(422), Some("Unprocessable Content"));
//! ```
//!
//! # Reason phrases
//!
//! [`StatusInfo::reason`] is the IANA registry's description, which for the
//! codes RFC 9110 defines is the section title of RFC 9110 (the current HTTP
//! semantics), with the registry's markers removed: "Not Extended" rather
//! than "Not Extended (OBSOLETED)", "Upload Resumption Supported" without
//! the "(TEMPORARY …)" note. The two reserved codes keep the registry's
//! "(Unused)", which is not a phrase to send; [`reason`] returns `None` for
//! them. Reason phrases carry no protocol meaning (RFC 9110, Section 15.1),
//! but RFC 9457 asks an `about:blank` problem's `title` to be the
//! recommended phrase, so httperr uses the current names.
//!
//! These phrases deliberately differ from [`http::StatusCode::canonical_reason`]
//! (`http` 1.5) for exactly these codes; every other code has the same phrase
//! in both:
//!
//! | code | [`StatusInfo::reason`] | `canonical_reason()` | why |
//! |---|---|---|---|
//! | 104 | Upload Resumption Supported | `None` | registered (temporarily) after `http` last updated its list |
//! | 203 | Non-Authoritative Information | Non Authoritative Information | `http` drops the hyphen of RFC 9110, Section 15.3.4 |
//! | 306 | (Unused) | `None` | reserved; `http` has no constant for it |
//! | 413 | Content Too Large | Payload Too Large | RFC 9110 renamed it (RFC 7231 called it Payload Too Large) |
//! | 418 | (Unused) | I'm a teapot | RFC 9110, Section 15.5.19 reserves 418: it has no phrase and cannot be assigned |
//! | 422 | Unprocessable Content | Unprocessable Entity | RFC 9110 renamed it (RFC 4918 called it Unprocessable Entity) |
//!
//! [`StatusInfo::constant`] still names the `http` constant, whatever the
//! phrase: `PAYLOAD_TOO_LARGE` for 413, `UNPROCESSABLE_ENTITY` for 422,
//! `IM_A_TEAPOT` for 418, and `""` for 104 and 306, which `http` lacks.

use http::StatusCode;

/// One row of the status-code table: a registered code and what the RFCs say about it.
///
/// Rows only come from [`ALL`] (or [`lookup`]); the struct is
/// `#[non_exhaustive]` so that fields can be added later.
///
/// ```
/// use httperr::codes::{Cacheable, Class, Registration};
///
/// let info = httperr::codes::lookup(401).expect("401 is registered");
/// assert_eq!(info.constant, "UNAUTHORIZED");
/// assert_eq!(info.reason, "Unauthorized");
/// assert_eq!(info.class, Class::ClientError);
/// assert_eq!(info.reference, "RFC 9110, Section 15.5.2");
/// assert_eq!(info.required_headers, ["www-authenticate"]);
/// assert!(!info.body_forbidden);
/// assert_eq!(info.cacheable, Cacheable::Explicit);
/// assert_eq!(info.registration, Registration::Permanent);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusInfo {
    /// The three-digit status code, 100 to 599.
    pub code: u16,
    /// The name of the associated constant of [`http::StatusCode`] for this
    /// code (e.g. `"PAYLOAD_TOO_LARGE"` for 413), or `""` when `http` has
    /// none (104 and 306).
    pub constant: &'static str,
    /// The reason phrase: the IANA description without the registry's
    /// markers, e.g. `"Content Too Large"`. `"(Unused)"` for the reserved
    /// codes 306 and 418, which have no phrase (see [`reason`]).
    pub reason: &'static str,
    /// The class given by the first digit.
    pub class: Class,
    /// The specification the registry points to, e.g.
    /// `"RFC 9110, Section 15.5.5"`, `"RFC 6585"` or an Internet-Draft name.
    pub reference: &'static str,
    /// Lowercase names of the header fields the specification says a
    /// response with this code MUST carry, unconditionally (e.g.
    /// `["www-authenticate"]` for 401, `["allow"]` for 405).
    pub required_headers: &'static [&'static str],
    /// Lowercase names of the header fields the specification says a
    /// response with this code SHOULD or MAY carry, or MUST carry only under
    /// a condition (e.g. `["location"]` for 301, `["retry-after"]` for 503,
    /// `["content-range", …]` for 206).
    pub recommended_headers: &'static [&'static str],
    /// `true` when a response with this code cannot carry content at all:
    /// every 1xx, 204, 205 and 304 (RFC 9110, Sections 15.2, 15.3.5, 15.3.6
    /// and 15.4.5).
    pub body_forbidden: bool,
    /// How caches treat a response with this code.
    pub cacheable: Cacheable,
    /// The state of the code in the IANA registry.
    pub registration: Registration,
    /// One line on when to use the code.
    pub summary: &'static str,
}

/// The class of a status code, given by its first digit (RFC 9110, Section 15).
///
/// Every status code belongs to one of these five classes (RFC 9110,
/// Section 16.2.2), so matching on it exhaustively is safe.
///
/// ```
/// use httperr::codes::Class;
///
/// fn log_level(code: u16) -> &'static str {
///     match Class::of(code).expect("a valid status code") {
///         Class::Informational | Class::Success | Class::Redirection => "debug",
///         Class::ClientError => "info",
///         Class::ServerError => "error",
///     }
/// }
/// assert_eq!(log_level(503), "error");
/// assert_eq!(log_level(404), "info");
/// assert!(Class::ClientError < Class::ServerError); // ordered by first digit
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// 1xx: an interim response; the final response follows.
    Informational,
    /// 2xx: the request was received, understood and accepted.
    Success,
    /// 3xx: the client has to take further action to complete the request.
    Redirection,
    /// 4xx: the request is wrong or cannot be fulfilled.
    ClientError,
    /// 5xx: the server failed to fulfil an apparently valid request.
    ServerError,
}

impl Class {
    /// The class of `code`, or `None` when `code` is outside 100..=599,
    /// the only valid range (RFC 9110, Section 15). Unregistered codes in
    /// that range still have a class.
    ///
    /// ```
    /// use httperr::codes::Class;
    /// assert_eq!(Class::of(404), Some(Class::ClientError));
    /// assert_eq!(Class::of(599), Some(Class::ServerError));
    /// assert_eq!(Class::of(600), None);
    /// ```
    #[must_use]
    pub const fn of(code: u16) -> Option<Class> {
        match code {
            100..=199 => Some(Class::Informational),
            200..=299 => Some(Class::Success),
            300..=399 => Some(Class::Redirection),
            400..=499 => Some(Class::ClientError),
            500..=599 => Some(Class::ServerError),
            _ => None,
        }
    }

    /// `true` for [`Class::ClientError`] and [`Class::ServerError`].
    ///
    /// ```
    /// use httperr::codes::Class;
    /// assert!(Class::ServerError.is_error());
    /// assert!(!Class::Redirection.is_error());
    /// ```
    #[must_use]
    pub const fn is_error(self) -> bool {
        matches!(self, Class::ClientError | Class::ServerError)
    }
}

/// How a cache may treat a response with a given code (RFC 9111, RFC 9110 Section 15.1).
///
/// ```
/// use httperr::codes::{Cacheable, lookup};
///
/// let cacheable = |code| lookup(code).map(|info| info.cacheable);
/// assert_eq!(cacheable(404), Some(Cacheable::Heuristic));
/// assert_eq!(cacheable(201), Some(Cacheable::Explicit));
/// assert_eq!(cacheable(429), Some(Cacheable::Never));
/// assert_eq!(cacheable(306), Some(Cacheable::NotApplicable));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cacheable {
    /// Heuristically cacheable: a cache may store and reuse the response
    /// even without explicit freshness information (200, 301, 404, …).
    Heuristic,
    /// Cacheable only when the response carries explicit freshness
    /// information such as `Cache-Control: max-age`.
    Explicit,
    /// Never stored: 1xx responses are not final, and 428, 429, 431 and 511
    /// "MUST NOT be stored by a cache" (RFC 6585).
    Never,
    /// Not applicable: the code is reserved and never sent (306, 418).
    NotApplicable,
}

/// The state of a code in the IANA registry.
///
/// ```
/// use httperr::codes::{Registration, lookup};
///
/// let registration = |code| lookup(code).map(|info| info.registration);
/// assert_eq!(registration(200), Some(Registration::Permanent));
/// assert_eq!(registration(104), Some(Registration::Temporary));
/// assert_eq!(registration(510), Some(Registration::Obsoleted));
/// assert_eq!(registration(418), Some(Registration::Unused));
/// assert!(!Registration::Unused.is_assignable());
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Registration {
    /// A permanent registration.
    Permanent,
    /// A temporary registration with an expiry date (104, for an Internet-Draft).
    Temporary,
    /// Registered but marked OBSOLETED (510: its RFC 2774 is now Historic).
    Obsoleted,
    /// Reserved as "(Unused)": it has no meaning and cannot be assigned (306, 418).
    Unused,
}

impl Registration {
    /// `false` only for [`Registration::Unused`]: a code that may be used
    /// in a response at all.
    ///
    /// ```
    /// use httperr::codes::Registration;
    /// assert!(Registration::Obsoleted.is_assignable());
    /// assert!(!Registration::Unused.is_assignable());
    /// ```
    #[must_use]
    pub const fn is_assignable(self) -> bool {
        !matches!(self, Registration::Unused)
    }
}

macro_rules! status_table {
    ($((
        $code:literal,
        $constant:literal,
        $reason:literal,
        $class:ident,
        $reference:literal,
        [$($required:literal),* $(,)?],
        [$($recommended:literal),* $(,)?],
        $body_forbidden:literal,
        $cacheable:ident,
        $registration:ident,
        $summary:literal $(,)?
    )),* $(,)?) => {
        &[$(
            StatusInfo {
                code: $code,
                constant: $constant,
                reason: $reason,
                class: Class::$class,
                reference: $reference,
                required_headers: &[$($required),*],
                recommended_headers: &[$($recommended),*],
                body_forbidden: $body_forbidden,
                cacheable: Cacheable::$cacheable,
                registration: Registration::$registration,
                summary: $summary,
            }
        ),*]
    };
}

/// Every code in the IANA HTTP status code registry, in increasing order of
/// [`StatusInfo::code`].
///
/// ```
/// use httperr::codes::{ALL, Class};
///
/// assert_eq!(ALL.len(), 64);
/// assert_eq!((ALL[0].code, ALL[ALL.len() - 1].code), (100, 511));
/// // The codes a response must not carry a body with.
/// let bodiless: Vec<u16> = ALL.iter().filter(|i| i.body_forbidden).map(|i| i.code).collect();
/// assert_eq!(bodiless, [100, 101, 102, 103, 104, 204, 205, 304]);
/// // Every registered 5xx.
/// let server_errors = ALL.iter().filter(|i| i.class == Class::ServerError).count();
/// assert_eq!(server_errors, 11);
/// ```
pub const ALL: &[StatusInfo] = include!("table.rs");

// Compile-time checks of the table's invariants: `lookup` relies on the
// order, `StatusInfo::status_code` on the range, and every row's class must
// match its first digit. A violation is a build error, never a run-time panic.
const _: () = {
    let mut i = 0;
    while i < ALL.len() {
        let row = &ALL[i];
        assert!(
            i == 0 || ALL[i - 1].code < row.code,
            "codes::ALL must be strictly increasing"
        );
        match Class::of(row.code) {
            Some(class) => assert!(
                class as u8 == row.class as u8,
                "a row's class must match its code"
            ),
            None => panic!("every code in codes::ALL must be in 100..=599"),
        }
        i += 1;
    }
};

/// The row for `code`, or `None` when `code` is not in the IANA registry.
///
/// This is a `const fn` (a binary search over [`ALL`]), so it can be used to
/// define constants:
///
/// ```
/// use httperr::codes::{lookup, Class};
///
/// const IS_ERROR: bool = match lookup(503) {
///     Some(info) => info.class.is_error(),
///     None => false,
/// };
/// assert!(IS_ERROR);
/// assert_eq!(lookup(404).map(|info| info.reason), Some("Not Found"));
/// assert_eq!(lookup(509), None); // "Bandwidth Limit Exceeded" is not registered
/// ```
#[must_use]
pub const fn lookup(code: u16) -> Option<&'static StatusInfo> {
    let mut low = 0;
    let mut high = ALL.len();
    while low < high {
        let mid = low + (high - low) / 2;
        let row = &ALL[mid];
        if row.code == code {
            return Some(row);
        }
        if row.code < code {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    None
}

/// The reason phrase of `code`, or `None` when `code` is not registered or
/// is reserved as "(Unused)" (306, 418).
///
/// ```
/// assert_eq!(httperr::codes::reason(413), Some("Content Too Large"));
/// assert_eq!(httperr::codes::reason(306), None);
/// assert_eq!(httperr::codes::reason(999), None);
/// ```
#[must_use]
pub const fn reason(code: u16) -> Option<&'static str> {
    match lookup(code) {
        Some(row) if row.registration.is_assignable() => Some(row.reason),
        _ => None,
    }
}

impl StatusInfo {
    /// The code as an [`http::StatusCode`].
    ///
    /// ```
    /// let info = httperr::codes::lookup(429).expect("429 is registered");
    /// assert_eq!(info.status_code(), http::StatusCode::TOO_MANY_REQUESTS);
    /// ```
    #[must_use]
    pub const fn status_code(&self) -> StatusCode {
        match StatusCode::from_u16(self.code) {
            Ok(status) => status,
            // Unreachable: rows exist only in `ALL` (the struct is
            // `#[non_exhaustive]`, so no other crate can build one), every
            // code there is checked at compile time to be in 100..=599, and
            // `from_u16` accepts 100..=999. Returning a 500 keeps this free
            // of panics all the same.
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// The title of a status: its reason phrase, or its class name for a code that has none. The
/// rule is `layout::title`, which the derive follows too; the phrases are this table's.
pub(crate) fn title(status: StatusCode) -> &'static str {
    let code = status.as_u16();
    crate::layout::title(code, reason(code))
}
