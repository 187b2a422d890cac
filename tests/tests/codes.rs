//! Cross-checks `httperr::codes` against the IANA fixture `tests/fixtures/status-codes.csv`.
//!
//! The fixture is a copy of the project's reference file (64 rows, IANA registry of
//! 2025-09-15, with the `http` crate's and Python's phrases and per-code RFC facts).
//! Every column the table derives from is checked row by row, with the derivation rule
//! (marker stripping, reference normalisation, header extraction) written out here.

use std::collections::{BTreeMap, BTreeSet};

use http::StatusCode;
use httperr::codes::{self, ALL, Cacheable, Class, Registration, StatusInfo};

const FIXTURE: &str = include_str!("../fixtures/status-codes.csv");

/// The codes whose `reason` deliberately differs from `http::StatusCode::canonical_reason()`.
/// Must agree with the table in the `httperr::codes` module docs.
const DIFFERS_FROM_CANONICAL_REASON: [u16; 6] = [104, 203, 306, 413, 418, 422];

/// The codes for which the RFCs make a header field an unconditional MUST.
const CODES_WITH_REQUIRED_HEADERS: [u16; 6] = [101, 226, 401, 405, 407, 426];

// ---------------------------------------------------------------- CSV parsing

/// Parses RFC 4180-style CSV: fields separated by commas, optionally quoted with `"`,
/// a doubled `""` inside quotes standing for one `"`; quoted fields may contain commas
/// and line breaks. Records end at LF or CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut field_started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(
                    !field_started,
                    "quote in the middle of an unquoted field: {field:?}"
                );
                in_quotes = true;
                field_started = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                field_started = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                field_started = false;
            }
            _ => {
                field.push(c);
                field_started = true;
            }
        }
    }
    assert!(!in_quotes, "unterminated quoted field at end of input");
    if field_started || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[test]
fn csv_parser_handles_quotes_commas_and_doubled_quotes() {
    let parsed = parse_csv("a,\"b, c\",\"say \"\"hi\"\"\",,\"\"\r\n1,2\n\"multi\nline\",x");
    assert_eq!(
        parsed,
        vec![
            vec!["a", "b, c", "say \"hi\"", "", ""],
            vec!["1", "2"],
            vec!["multi\nline", "x"],
        ]
    );
}

/// One fixture row, by column name.
struct Row {
    code: u16,
    cols: BTreeMap<String, String>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        self.cols
            .get(column)
            .unwrap_or_else(|| panic!("fixture has no column {column:?}"))
    }
}

fn fixture() -> Vec<Row> {
    let records = parse_csv(FIXTURE);
    let (header, rows) = records.split_first().expect("fixture is empty");
    let expected_header = [
        "code",
        "phrase_iana",
        "phrase_http_crate",
        "phrase_python",
        "class",
        "reference",
        "must_headers",
        "should_headers",
        "body_forbidden",
        "cacheable_by_default",
        "notes",
    ];
    assert_eq!(header, &expected_header, "fixture columns changed");
    rows.iter()
        .map(|record| {
            assert_eq!(record.len(), header.len(), "ragged fixture row {record:?}");
            Row {
                code: record[0]
                    .parse()
                    .unwrap_or_else(|e| panic!("bad code {:?}: {e}", record[0])),
                cols: header.iter().cloned().zip(record.iter().cloned()).collect(),
            }
        })
        .collect()
}

fn row_of(code: u16) -> &'static StatusInfo {
    codes::lookup(code).unwrap_or_else(|| panic!("{code} missing from codes::ALL"))
}

// ---------------------------------------------------------------- derivation rules

/// The IANA description without registry markers: drop " (OBSOLETED)" and a
/// " (TEMPORARY …)" suffix. "(Unused)" is the whole description, not a marker, and stays.
fn strip_markers(phrase: &str) -> String {
    let phrase = phrase.replace(" (OBSOLETED)", "");
    match phrase.find(" (TEMPORARY") {
        Some(at) => {
            assert!(
                phrase.ends_with(')'),
                "TEMPORARY marker is not a suffix: {phrase:?}"
            );
            phrase[..at].to_owned()
        }
        None => phrase,
    }
}

/// "[RFC9110, Section 15.5.5]" -> "RFC 9110, Section 15.5.5"; "[RFC6585]" -> "RFC 6585";
/// "[RFC2774][status-change-…]" -> "RFC 2774" (only the first bracketed reference is the
/// specification); "[draft-…-05]" -> "draft-…-05".
fn normalise_reference(reference: &str) -> String {
    let inner = reference
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("reference not in brackets: {reference:?}"));
    match inner.strip_prefix("RFC") {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("RFC {rest}"),
        _ => inner.to_owned(),
    }
}

/// Header field names mentioned in a must/should cell: the words that name a header field
/// in a known list, lowercased, in order of appearance. Kept deliberately strict: the list
/// is every field name the fixture uses, and a typo in the table will not match anything.
fn header_names_in(cell: &str) -> Vec<String> {
    const KNOWN: [&str; 17] = [
        "WWW-Authenticate",
        "Proxy-Authenticate",
        "Content-Location",
        "Content-Range",
        "Content-Type",
        "Last-Modified",
        "Cache-Control",
        "Content-Length",
        "Retry-After",
        "Location",
        "Upgrade",
        "Expires",
        "Allow",
        "ETag",
        "Date",
        "Vary",
        "Link",
    ];
    let mut found: Vec<(usize, String)> = Vec::new();
    for name in KNOWN {
        let lower_cell = cell.to_ascii_lowercase();
        let lower_name = name.to_ascii_lowercase();
        let mut from = 0;
        while let Some(pos) = lower_cell[from..].find(&lower_name) {
            let start = from + pos;
            let end = start + lower_name.len();
            let before_ok = lower_cell[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-');
            let after_ok = lower_cell[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-');
            // Case matters for the start of the name: "Location" the header, not "location".
            if before_ok && after_ok && cell[start..end] == *name {
                found.push((start, lower_name.clone()));
            }
            from = end;
        }
    }
    found.sort();
    let mut names: Vec<String> = Vec::new();
    for (_, name) in found {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

#[test]
fn header_name_extraction() {
    assert_eq!(
        header_names_in("WWW-Authenticate with >=1 challenge (RFC9110 15.5.2, 11.6.1)"),
        ["www-authenticate"]
    );
    assert_eq!(
        header_names_in("Proxy-Authenticate (RFC9110 15.5.8, 11.7.1)"),
        ["proxy-authenticate"]
    );
    assert_eq!(
        header_names_in(
            "Content-Location, Date, ETag, Vary, Cache-Control, Expires if a 200 would carry them"
        ),
        [
            "content-location",
            "date",
            "etag",
            "vary",
            "cache-control",
            "expires"
        ]
    );
    assert_eq!(
        header_names_in("Location when POST created a resource"),
        ["location"]
    );
    assert_eq!(
        header_names_in("MAY Retry-After (RFC6585 4)"),
        ["retry-after"]
    );
    assert!(header_names_in("").is_empty());
}

fn class_of_column(class: &str) -> Class {
    match class {
        "1xx Informational" => Class::Informational,
        "2xx Successful" => Class::Success,
        "3xx Redirection" => Class::Redirection,
        "4xx Client Error" => Class::ClientError,
        "5xx Server Error" => Class::ServerError,
        other => panic!("unknown class column {other:?}"),
    }
}

fn cacheable_of_column(value: &str) -> Cacheable {
    match value {
        "yes" => Cacheable::Heuristic,
        "no" => Cacheable::Explicit,
        "never" => Cacheable::Never,
        "n/a" => Cacheable::NotApplicable,
        other => panic!("unknown cacheable_by_default {other:?}"),
    }
}

fn body_forbidden_of_column(value: &str) -> bool {
    match value {
        "yes" => true,
        "no" | "n/a" => false,
        other => panic!("unknown body_forbidden {other:?}"),
    }
}

fn registration_of_phrase(phrase_iana: &str) -> Registration {
    if phrase_iana == "(Unused)" {
        Registration::Unused
    } else if phrase_iana.contains("(OBSOLETED)") {
        Registration::Obsoleted
    } else if phrase_iana.contains("(TEMPORARY") {
        Registration::Temporary
    } else {
        Registration::Permanent
    }
}

// ---------------------------------------------------------------- the table as a whole

#[test]
fn all_has_the_fixture_codes_in_strictly_increasing_order() {
    assert_eq!(ALL.len(), 64);
    for pair in ALL.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
    let table: BTreeSet<u16> = ALL.iter().map(|row| row.code).collect();
    let fixture: BTreeSet<u16> = fixture().iter().map(|row| row.code).collect();
    assert_eq!(fixture.len(), 64, "fixture has duplicate or missing codes");
    assert_eq!(table, fixture);
}

// ---------------------------------------------------------------- per-row columns

#[test]
fn reasons_are_the_iana_descriptions_without_markers() {
    for row in fixture() {
        assert_eq!(
            row_of(row.code).reason,
            strip_markers(row.get("phrase_iana")),
            "reason of {}",
            row.code
        );
    }
    // The stripping rule itself, on the rows it is for.
    assert_eq!(row_of(510).reason, "Not Extended");
    assert_eq!(row_of(104).reason, "Upload Resumption Supported");
    assert_eq!(row_of(306).reason, "(Unused)");
    assert_eq!(row_of(418).reason, "(Unused)");
}

#[test]
fn classes_match_the_fixture_and_the_first_digit() {
    for row in fixture() {
        let info = row_of(row.code);
        assert_eq!(
            info.class,
            class_of_column(row.get("class")),
            "class of {}",
            row.code
        );
        assert_eq!(
            Class::of(row.code),
            Some(info.class),
            "Class::of({})",
            row.code
        );
        assert_eq!(
            info.class.is_error(),
            row.code >= 400,
            "is_error of {}",
            row.code
        );
    }
}

#[test]
fn body_forbidden_matches_the_fixture() {
    for row in fixture() {
        assert_eq!(
            row_of(row.code).body_forbidden,
            body_forbidden_of_column(row.get("body_forbidden")),
            "body_forbidden of {}",
            row.code
        );
    }
    let forbidden: Vec<u16> = ALL
        .iter()
        .filter(|r| r.body_forbidden)
        .map(|r| r.code)
        .collect();
    assert_eq!(forbidden, [100, 101, 102, 103, 104, 204, 205, 304]);
}

#[test]
fn cacheability_matches_the_fixture() {
    for row in fixture() {
        assert_eq!(
            row_of(row.code).cacheable,
            cacheable_of_column(row.get("cacheable_by_default")),
            "cacheable of {}",
            row.code
        );
    }
    let heuristic: Vec<u16> = ALL
        .iter()
        .filter(|r| r.cacheable == Cacheable::Heuristic)
        .map(|r| r.code)
        .collect();
    // RFC 9110 Section 15.1's list plus 451 (RFC 7725).
    assert_eq!(
        heuristic,
        [
            200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501
        ]
    );
}

#[test]
fn references_are_the_normalised_fixture_references() {
    for row in fixture() {
        assert_eq!(
            row_of(row.code).reference,
            normalise_reference(row.get("reference")),
            "reference of {}",
            row.code
        );
    }
    assert_eq!(
        normalise_reference("[RFC9110, Section 15.5.5]"),
        "RFC 9110, Section 15.5.5"
    );
    assert_eq!(row_of(510).reference, "RFC 2774");
    assert_eq!(
        row_of(104).reference,
        "draft-ietf-httpbis-resumable-upload-05"
    );
}

#[test]
fn registration_matches_the_registry_markers() {
    for row in fixture() {
        let info = row_of(row.code);
        let expected = registration_of_phrase(row.get("phrase_iana"));
        assert_eq!(info.registration, expected, "registration of {}", row.code);
        assert_eq!(
            info.registration.is_assignable(),
            expected != Registration::Unused
        );
        // Reserved codes are exactly the ones whose cacheability is n/a.
        assert_eq!(
            info.registration == Registration::Unused,
            info.cacheable == Cacheable::NotApplicable,
            "Unused vs n/a for {}",
            row.code
        );
    }
}

#[test]
fn required_headers_are_the_unconditional_musts() {
    for row in fixture() {
        let info = row_of(row.code);
        let must = row.get("must_headers");
        if CODES_WITH_REQUIRED_HEADERS.contains(&row.code) {
            assert!(
                !info.required_headers.is_empty(),
                "{} has no required header",
                row.code
            );
            assert_eq!(
                info.required_headers,
                header_names_in(must),
                "required headers of {}",
                row.code
            );
        } else {
            assert!(
                info.required_headers.is_empty(),
                "{} should have no required header",
                row.code
            );
        }
        if info.class.is_error() && must.is_empty() {
            assert!(
                info.required_headers.is_empty(),
                "{} requires a header the fixture lacks",
                row.code
            );
        }
    }
    let with_required: Vec<u16> = ALL
        .iter()
        .filter(|r| !r.required_headers.is_empty())
        .map(|r| r.code)
        .collect();
    assert_eq!(with_required, CODES_WITH_REQUIRED_HEADERS);
}

#[test]
fn recommended_headers_come_from_the_fixture_and_are_valid_names() {
    for row in fixture() {
        let info = row_of(row.code);
        let mentioned = [row.get("must_headers"), row.get("should_headers")]
            .into_iter()
            .flat_map(header_names_in)
            .collect::<Vec<_>>();
        for name in info.recommended_headers.iter().chain(info.required_headers) {
            assert!(
                mentioned.iter().any(|m| m == name),
                "{}: {name:?} is not in the fixture's header columns",
                row.code
            );
            let parsed = http::HeaderName::from_bytes(name.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {name:?} is not a header name: {e}", row.code));
            assert_eq!(
                parsed.as_str(),
                *name,
                "{}: header names are lowercase",
                row.code
            );
        }
        for name in info.required_headers {
            assert!(
                !info.recommended_headers.contains(name),
                "{}: {name} both required and recommended",
                row.code
            );
        }
        if !row.get("should_headers").is_empty() && row.code != 304 {
            // 304's should_headers cell is a SHOULD NOT, naming no header.
            assert!(
                !info.recommended_headers.is_empty(),
                "{} has a SHOULD header but no recommended one",
                row.code
            );
        }
    }
    assert_eq!(row_of(301).recommended_headers, ["location"]);
    assert_eq!(row_of(413).recommended_headers, ["retry-after"]);
    assert_eq!(row_of(416).recommended_headers, ["content-range"]);
    assert_eq!(row_of(429).recommended_headers, ["retry-after"]);
    assert_eq!(row_of(451).recommended_headers, ["link"]);
    assert_eq!(row_of(503).recommended_headers, ["retry-after"]);
    assert_eq!(
        row_of(206).recommended_headers.first(),
        Some(&"content-range")
    );
    assert!(row_of(304).recommended_headers.contains(&"etag"));
}

#[test]
fn constants_name_the_http_crate_constants() {
    for row in fixture() {
        let info = row_of(row.code);
        let canonical = StatusCode::from_u16(row.code)
            .expect("valid code")
            .canonical_reason();
        if row.get("phrase_http_crate").is_empty() {
            assert_eq!(info.constant, "", "{} has no http constant", row.code);
            assert_eq!(
                canonical, None,
                "http now knows {}: update the table",
                row.code
            );
        } else {
            assert_ne!(info.constant, "", "{} needs its http constant", row.code);
            assert_eq!(
                canonical,
                Some(row.get("phrase_http_crate")),
                "http phrase of {}",
                row.code
            );
            assert!(
                info.constant
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'_'),
                "{}: {:?} is not a constant name",
                row.code,
                info.constant
            );
        }
    }
}

/// Every constant name in the table is the `http::StatusCode` associated constant for that
/// code. The list below is checked by the compiler (each name must exist in `http`) and the
/// test checks each value, so a wrong or misspelt name in the table cannot pass.
#[test]
fn constants_are_the_http_constants_for_their_codes() {
    let constants: [(&str, StatusCode); 62] = [
        ("CONTINUE", StatusCode::CONTINUE),
        ("SWITCHING_PROTOCOLS", StatusCode::SWITCHING_PROTOCOLS),
        ("PROCESSING", StatusCode::PROCESSING),
        ("EARLY_HINTS", StatusCode::EARLY_HINTS),
        ("OK", StatusCode::OK),
        ("CREATED", StatusCode::CREATED),
        ("ACCEPTED", StatusCode::ACCEPTED),
        (
            "NON_AUTHORITATIVE_INFORMATION",
            StatusCode::NON_AUTHORITATIVE_INFORMATION,
        ),
        ("NO_CONTENT", StatusCode::NO_CONTENT),
        ("RESET_CONTENT", StatusCode::RESET_CONTENT),
        ("PARTIAL_CONTENT", StatusCode::PARTIAL_CONTENT),
        ("MULTI_STATUS", StatusCode::MULTI_STATUS),
        ("ALREADY_REPORTED", StatusCode::ALREADY_REPORTED),
        ("IM_USED", StatusCode::IM_USED),
        ("MULTIPLE_CHOICES", StatusCode::MULTIPLE_CHOICES),
        ("MOVED_PERMANENTLY", StatusCode::MOVED_PERMANENTLY),
        ("FOUND", StatusCode::FOUND),
        ("SEE_OTHER", StatusCode::SEE_OTHER),
        ("NOT_MODIFIED", StatusCode::NOT_MODIFIED),
        ("USE_PROXY", StatusCode::USE_PROXY),
        ("TEMPORARY_REDIRECT", StatusCode::TEMPORARY_REDIRECT),
        ("PERMANENT_REDIRECT", StatusCode::PERMANENT_REDIRECT),
        ("BAD_REQUEST", StatusCode::BAD_REQUEST),
        ("UNAUTHORIZED", StatusCode::UNAUTHORIZED),
        ("PAYMENT_REQUIRED", StatusCode::PAYMENT_REQUIRED),
        ("FORBIDDEN", StatusCode::FORBIDDEN),
        ("NOT_FOUND", StatusCode::NOT_FOUND),
        ("METHOD_NOT_ALLOWED", StatusCode::METHOD_NOT_ALLOWED),
        ("NOT_ACCEPTABLE", StatusCode::NOT_ACCEPTABLE),
        (
            "PROXY_AUTHENTICATION_REQUIRED",
            StatusCode::PROXY_AUTHENTICATION_REQUIRED,
        ),
        ("REQUEST_TIMEOUT", StatusCode::REQUEST_TIMEOUT),
        ("CONFLICT", StatusCode::CONFLICT),
        ("GONE", StatusCode::GONE),
        ("LENGTH_REQUIRED", StatusCode::LENGTH_REQUIRED),
        ("PRECONDITION_FAILED", StatusCode::PRECONDITION_FAILED),
        ("PAYLOAD_TOO_LARGE", StatusCode::PAYLOAD_TOO_LARGE),
        ("URI_TOO_LONG", StatusCode::URI_TOO_LONG),
        ("UNSUPPORTED_MEDIA_TYPE", StatusCode::UNSUPPORTED_MEDIA_TYPE),
        ("RANGE_NOT_SATISFIABLE", StatusCode::RANGE_NOT_SATISFIABLE),
        ("EXPECTATION_FAILED", StatusCode::EXPECTATION_FAILED),
        ("IM_A_TEAPOT", StatusCode::IM_A_TEAPOT),
        ("MISDIRECTED_REQUEST", StatusCode::MISDIRECTED_REQUEST),
        ("UNPROCESSABLE_ENTITY", StatusCode::UNPROCESSABLE_ENTITY),
        ("LOCKED", StatusCode::LOCKED),
        ("FAILED_DEPENDENCY", StatusCode::FAILED_DEPENDENCY),
        ("TOO_EARLY", StatusCode::TOO_EARLY),
        ("UPGRADE_REQUIRED", StatusCode::UPGRADE_REQUIRED),
        ("PRECONDITION_REQUIRED", StatusCode::PRECONDITION_REQUIRED),
        ("TOO_MANY_REQUESTS", StatusCode::TOO_MANY_REQUESTS),
        (
            "REQUEST_HEADER_FIELDS_TOO_LARGE",
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        ),
        (
            "UNAVAILABLE_FOR_LEGAL_REASONS",
            StatusCode::UNAVAILABLE_FOR_LEGAL_REASONS,
        ),
        ("INTERNAL_SERVER_ERROR", StatusCode::INTERNAL_SERVER_ERROR),
        ("NOT_IMPLEMENTED", StatusCode::NOT_IMPLEMENTED),
        ("BAD_GATEWAY", StatusCode::BAD_GATEWAY),
        ("SERVICE_UNAVAILABLE", StatusCode::SERVICE_UNAVAILABLE),
        ("GATEWAY_TIMEOUT", StatusCode::GATEWAY_TIMEOUT),
        (
            "HTTP_VERSION_NOT_SUPPORTED",
            StatusCode::HTTP_VERSION_NOT_SUPPORTED,
        ),
        (
            "VARIANT_ALSO_NEGOTIATES",
            StatusCode::VARIANT_ALSO_NEGOTIATES,
        ),
        ("INSUFFICIENT_STORAGE", StatusCode::INSUFFICIENT_STORAGE),
        ("LOOP_DETECTED", StatusCode::LOOP_DETECTED),
        ("NOT_EXTENDED", StatusCode::NOT_EXTENDED),
        (
            "NETWORK_AUTHENTICATION_REQUIRED",
            StatusCode::NETWORK_AUTHENTICATION_REQUIRED,
        ),
    ];
    let mut named = BTreeSet::new();
    for (name, status) in constants {
        assert_eq!(
            row_of(status.as_u16()).constant,
            name,
            "constant of {}",
            status.as_u16()
        );
        named.insert(status.as_u16());
    }
    for info in ALL {
        assert_eq!(
            info.constant.is_empty(),
            !named.contains(&info.code),
            "constant of {}",
            info.code
        );
    }
}

// ---------------------------------------------------------------- lookup and conversions

#[test]
fn lookup_finds_every_row_and_nothing_else() {
    for row in ALL {
        let found = codes::lookup(row.code).expect("registered code");
        assert_eq!(found, row, "lookup({}) returned another row", row.code);
    }
    for code in [
        0,
        1,
        99,
        105,
        199,
        209,
        225,
        227,
        299,
        309,
        399,
        419,
        420,
        427,
        430,
        450,
        452,
        499,
        509,
        512,
        599,
        600,
        999,
        u16::MAX,
    ] {
        assert_eq!(codes::lookup(code), None, "lookup({code})");
    }
    let registered: BTreeSet<u16> = ALL.iter().map(|r| r.code).collect();
    for code in 0..=u16::MAX {
        assert_eq!(
            codes::lookup(code).is_some(),
            registered.contains(&code),
            "lookup({code})"
        );
    }
}

// `lookup` and `reason` are usable in const items: this fails to compile otherwise.
const LOOKUP_IN_CONST: Option<&StatusInfo> = codes::lookup(404);
const MISSING_IN_CONST: bool = codes::lookup(420).is_none();
const _: () = assert!(MISSING_IN_CONST);
const _: () =
    assert!(matches!(codes::lookup(429), Some(info) if info.code == 429 && info.class.is_error()));
const _: () = assert!(codes::reason(418).is_none());
const _: () =
    assert!(Class::of(99).is_none() && matches!(Class::of(100), Some(Class::Informational)));

#[test]
fn const_lookup_gives_the_same_row() {
    const STATUS: StatusCode = match codes::lookup(503) {
        Some(info) => info.status_code(),
        None => StatusCode::OK,
    };
    assert_eq!(LOOKUP_IN_CONST.map(|r| r.reason), Some("Not Found"));
    assert_eq!(LOOKUP_IN_CONST, Some(row_of(404)));
    assert_eq!(STATUS, StatusCode::SERVICE_UNAVAILABLE);
}

#[test]
fn status_code_round_trips() {
    for row in ALL {
        assert_eq!(row.status_code().as_u16(), row.code);
        assert_eq!(
            row.status_code(),
            StatusCode::from_u16(row.code).expect("valid code")
        );
    }
}

#[test]
fn reason_is_none_for_unknown_and_unused_codes() {
    for row in ALL {
        let expected = (row.registration != Registration::Unused).then_some(row.reason);
        assert_eq!(codes::reason(row.code), expected, "reason({})", row.code);
    }
    assert_eq!(codes::reason(306), None);
    assert_eq!(codes::reason(418), None);
    assert_eq!(codes::reason(420), None);
    assert_eq!(codes::reason(510), Some("Not Extended"));
}

#[test]
fn class_of_covers_exactly_100_to_599() {
    for code in 0..=u16::MAX {
        let expected = match code {
            100..=199 => Some(Class::Informational),
            200..=299 => Some(Class::Success),
            300..=399 => Some(Class::Redirection),
            400..=499 => Some(Class::ClientError),
            500..=599 => Some(Class::ServerError),
            _ => None,
        };
        assert_eq!(Class::of(code), expected, "Class::of({code})");
        if let Some(class) = expected {
            let status = StatusCode::from_u16(code).expect("valid code");
            assert_eq!(
                class.is_error(),
                status.is_client_error() || status.is_server_error()
            );
        }
    }
}

// ---------------------------------------------------------------- differences from `http`

#[test]
fn reasons_differing_from_canonical_reason_are_exactly_the_documented_ones() {
    let differing: Vec<u16> = ALL
        .iter()
        .filter(|row| {
            StatusCode::from_u16(row.code)
                .expect("valid code")
                .canonical_reason()
                != Some(row.reason)
        })
        .map(|row| row.code)
        .collect();
    assert_eq!(differing, DIFFERS_FROM_CANONICAL_REASON);

    // The same set computed from the fixture's columns alone.
    let from_fixture: Vec<u16> = fixture()
        .iter()
        .filter(|row| strip_markers(row.get("phrase_iana")) != row.get("phrase_http_crate"))
        .map(|row| row.code)
        .collect();
    assert_eq!(from_fixture, DIFFERS_FROM_CANONICAL_REASON);
}

#[test]
fn module_docs_list_the_same_differences() {
    let docs = include_str!("../../runtime/src/codes.rs");
    let documented: Vec<u16> = docs
        .lines()
        .filter_map(|line| line.strip_prefix("//! | "))
        .filter_map(|rest| rest.split(' ').next()?.parse().ok())
        .collect();
    assert_eq!(
        documented, DIFFERS_FROM_CANONICAL_REASON,
        "codes.rs difference table"
    );
    for code in DIFFERS_FROM_CANONICAL_REASON {
        let info = row_of(code);
        let canonical = StatusCode::from_u16(code)
            .expect("valid code")
            .canonical_reason();
        let line = docs
            .lines()
            .find(|line| line.starts_with(&format!("//! | {code} |")))
            .expect("documented row");
        assert!(
            line.contains(&format!("| {} |", info.reason)),
            "docs row for {code}: {line}"
        );
        match canonical {
            Some(phrase) => assert!(
                line.contains(&format!("| {phrase} |")),
                "docs row for {code}: {line}"
            ),
            None => assert!(line.contains("| `None` |"), "docs row for {code}: {line}"),
        }
    }
}

// ---------------------------------------------------------------- summaries

#[test]
fn summaries_are_short_distinct_single_lines() {
    let mut seen = BTreeSet::new();
    for row in ALL {
        let s = row.summary;
        assert!(!s.trim().is_empty(), "{}: empty summary", row.code);
        assert_eq!(
            s,
            s.trim(),
            "{}: summary has surrounding whitespace",
            row.code
        );
        assert!(s.is_ascii(), "{}: summary is not ASCII", row.code);
        assert!(
            !s.chars().any(|c| c.is_ascii_control()),
            "{}: summary has control characters",
            row.code
        );
        assert!(s.len() <= 120, "{}: summary is {} chars", row.code, s.len());
        assert!(
            seen.insert(s.to_ascii_lowercase()),
            "{}: duplicate summary",
            row.code
        );
    }
}

#[test]
fn summaries_are_not_copied_from_the_fixture_notes() {
    for row in fixture() {
        let notes = row.get("notes");
        let summary = row_of(row.code).summary;
        assert!(
            notes.is_empty() || !summary.contains(notes),
            "{}: summary copies the notes",
            row.code
        );
        assert!(
            !notes.contains(summary),
            "{}: summary is a piece of the notes",
            row.code
        );
    }
}
