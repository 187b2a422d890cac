//! utoipa: the OpenAPI document of the sample API — every status `ApiError` can produce and
//! nothing else, headers, content types, one example per variant — checked against the real
//! responses and validated by a real OpenAPI validator (Python `openapi-spec-validator`).

mod support;

use httperr::HttpError;
use httperr_examples::{ApiError, CASES, OrderError, PaymentProblem, error_case};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::Instant;
use utoipa::{IntoResponses, PartialSchema};

const INSTALL: &str = "run: python3 -m pip install openapi-spec-validator";

fn responses() -> Value {
    serde_json::to_value(ApiError::responses()).expect("serialize responses")
}

fn document() -> Value {
    serde_json::to_value(httperr_examples::axum::openapi()).expect("serialize document")
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .cloned()
        .collect()
}

/// The statuses `ApiError` produces, from the errors themselves rather than from the document.
fn produced_statuses() -> BTreeSet<String> {
    let mut statuses: BTreeSet<String> = CASES
        .iter()
        .map(|case| error_case(case).status().as_str().to_owned())
        .collect();
    // The one variant no case reaches: a transparent `OrderError::NotFound`.
    statuses.insert(
        ApiError::from(OrderError::NotFound(1))
            .status()
            .as_str()
            .to_owned(),
    );
    statuses
}

#[test]
fn every_status_api_error_produces_and_nothing_else() {
    let expected: BTreeSet<String> = ["401", "402", "404", "405", "409", "410", "429", "500"]
        .map(String::from)
        .into();
    assert_eq!(produced_statuses(), expected);
    assert_eq!(keys(&responses()), expected);

    let document = document();
    assert_eq!(
        keys(&document["paths"]),
        ["/errors/{case}", "/users/{id}"].map(String::from).into()
    );
    // `/errors/{case}` never succeeds; `/users/{id}` adds its 200.
    let errors = &document["paths"]["/errors/{case}"]["get"]["responses"];
    assert_eq!(keys(errors), expected);
    let mut with_ok = expected.clone();
    with_ok.insert("200".to_owned());
    assert_eq!(
        keys(&document["paths"]["/users/{id}"]["get"]["responses"]),
        with_ok
    );
    // The document carries ApiError's responses as they are, not a copy that could drift.
    assert_eq!(errors, &responses());
}

#[test]
fn each_status_has_its_reason_content_type_and_headers() {
    let responses = responses();
    // The reason phrases written out here (RFC 9110, RFC 6585), not read from httperr's table.
    let reasons = json!({
        "401": "Unauthorized",
        "402": "Payment Required",
        "404": "Not Found",
        "405": "Method Not Allowed",
        "409": "Conflict",
        "410": "Gone",
        "429": "Too Many Requests",
        "500": "Internal Server Error",
    });
    assert_eq!(keys(&responses), keys(&reasons));
    for (status, response) in responses.as_object().expect("responses") {
        let code: u16 = status.parse().expect("numeric status");
        assert_eq!(response["description"], reasons[status], "{status}");
        let content_types = keys(&response["content"]);
        let expected = if code == 402 {
            "application/problem+json"
        } else {
            "application/json"
        };
        assert_eq!(
            content_types,
            [expected.to_owned()].into(),
            "{status}: content types"
        );
        // A status without headers has no `headers` member at all: an empty or null one would
        // be a change in what is documented, not the same thing.
        let headers: Option<BTreeSet<String>> = response.get("headers").map(keys);
        let expected_headers: Option<BTreeSet<String>> = match code {
            401 => Some(["www-authenticate".to_owned()].into()),
            405 => Some(["allow".to_owned()].into()),
            429 => Some(["retry-after".to_owned()].into()),
            _ => None,
        };
        assert_eq!(headers, expected_headers, "{status}: headers");
    }
    assert_eq!(
        responses["401"]["headers"]["www-authenticate"],
        json!({ "schema": { "type": "string" }, "description": r#"Bearer realm="api""# })
    );
    assert_eq!(
        responses["429"]["headers"]["retry-after"],
        json!({ "schema": { "type": "string" }, "description": "{0}" })
    );
    let problem = &responses["402"]["content"]["application/problem+json"];
    assert_eq!(
        problem["examples"]["PaymentProblem::CardDeclined"]["value"],
        json!({
            "type": "https://example.com/problems/card_declined",
            "title": "Payment Required",
            "status": 402,
            "detail": "card ending {last4} was declined",
            "code": "card_declined",
            "retryable": null,
        })
    );
    assert_eq!(
        problem["schema"]["required"],
        json!(["type", "title", "status", "detail"])
    );
}

/// utoipa's own `#[derive(IntoResponses)]` keeps one example per status; httperr keeps each
/// variant, transparent ones included.
#[test]
fn variants_sharing_a_status_are_separate_examples() {
    let responses = responses();
    let examples = &responses["404"]["content"]["application/json"]["examples"];
    assert_eq!(
        examples,
        &json!({
            "ApiError::UserNotFound": {
                "summary": "Not Found",
                "value": { "error": "Not Found" },
            },
            "OrderError::NotFound": {
                "summary": "order {0} not found",
                "value": { "error": "order {0} not found", "code": "not_found" },
            },
        })
    );
    let gone = &responses["410"]["content"]["application/json"]["examples"];
    assert_eq!(keys(gone), ["OrderError::Cancelled".to_owned()].into());
    let hidden = &responses["500"]["content"]["application/json"]["examples"]["ApiError::Storage"];
    assert_eq!(
        hidden["value"],
        json!({ "error": "Internal Server Error" }),
        "a 5xx documents what it sends"
    );
}

/// The members every body of a format has: never documented as `null`.
const FIXED_MEMBERS: [&str; 6] = ["error", "code", "type", "title", "status", "detail"];

/// Whether a documented example stands for an actual body: the same members, equal values
/// except where the example shows a template (`{0}`), whose fixed parts must appear in order,
/// or `null` for a `#[detail]` field (and only there: a `null` message would stand for any).
fn example_matches(example: &Value, actual: &Value) -> bool {
    let (Some(example), Some(actual)) = (example.as_object(), actual.as_object()) else {
        return false;
    };
    example.len() == actual.len()
        && example.iter().all(|(key, documented)| {
            let Some(sent) = actual.get(key) else {
                return false;
            };
            match (documented, sent) {
                (Value::Null, _) => !FIXED_MEMBERS.contains(&key.as_str()),
                (Value::String(template), Value::String(text)) if template.contains('{') => {
                    template_matches(template, text)
                }
                _ => documented == sent,
            }
        })
}

fn template_matches(template: &str, text: &str) -> bool {
    let mut rest = text;
    for (i, part) in template.split(['{', '}']).enumerate() {
        // Even pieces are literal text, odd ones placeholder names.
        if i % 2 == 1 || part.is_empty() {
            continue;
        }
        match rest.find(part) {
            Some(at) if i > 0 || at == 0 => rest = &rest[at + part.len()..],
            _ => return false,
        }
    }
    true
}

#[test]
fn every_real_response_is_documented_by_an_example() {
    let responses = responses();
    for expected in support::EXPECTED {
        let content = &responses[expected.status.to_string()]["content"][expected.content_type];
        let examples = content["examples"]
            .as_object()
            .unwrap_or_else(|| panic!("{}: no examples", expected.case));
        let actual: Value = serde_json::from_str(expected.body).expect("JSON body");
        assert!(
            examples
                .values()
                .any(|example| example_matches(&example["value"], &actual)),
            "{}: no example stands for {actual} among {examples:?}",
            expected.case
        );
        // The support table and the errors themselves agree, so the check above is about them.
        let direct = error_case(expected.case).to_response();
        assert_eq!(
            direct.body().as_ref(),
            expected.body.as_bytes(),
            "{}",
            expected.case
        );
    }
    // And the matcher can say no.
    assert!(!example_matches(
        &json!({ "error": "order {0} not found" }),
        &json!({ "error": "order 7 was cancelled" })
    ));
    assert!(!example_matches(
        &json!({ "error": "Not Found" }),
        &json!({ "error": "Not Found", "code": "x" })
    ));
    assert!(!example_matches(
        &json!({ "error": null }),
        &json!({ "error": "Not Found" })
    ));
    assert!(example_matches(
        &json!({ "detail": "card declined", "retryable": null }),
        &json!({ "detail": "card declined", "retryable": false })
    ));
}

#[test]
fn the_types_have_their_body_schemas() {
    let schema = |s| serde_json::to_value(s).expect("serialize schema");
    let order = schema(OrderError::schema());
    assert_eq!(order["type"], "object");
    assert_eq!(order["required"], json!(["error"]));
    assert_eq!(
        keys(&order["properties"]),
        ["code", "details", "error"].map(String::from).into()
    );
    let payment = schema(PaymentProblem::schema());
    assert_eq!(
        payment["required"],
        json!(["type", "title", "status", "detail"])
    );
    // ApiError sends both formats (PaymentProblem through a transparent variant).
    let api = schema(ApiError::schema());
    assert_eq!(api["oneOf"], json!([order, payment]));
    assert_eq!(<ApiError as utoipa::ToSchema>::name(), "ApiError");
}

/// An operation that names the error type as a body, to check that utoipa collects its schema.
#[utoipa::path(get, path = "/e", responses((status = 400, body = ApiError)))]
#[allow(dead_code)]
fn error_as_body() {}

#[derive(utoipa::OpenApi)]
#[openapi(paths(error_as_body))]
struct BodyDoc;

#[test]
fn the_error_type_works_as_a_body_schema() {
    use utoipa::OpenApi;
    let document = serde_json::to_value(BodyDoc::openapi()).expect("serialize");
    let content =
        &document["paths"]["/e"]["get"]["responses"]["400"]["content"]["application/json"];
    assert_eq!(content["schema"]["$ref"], "#/components/schemas/ApiError");
    assert_eq!(
        document["components"]["schemas"]["ApiError"],
        serde_json::to_value(ApiError::schema()).expect("serialize")
    );
}

#[test]
fn the_user_schema_matches_what_user_serializes_to() {
    let document = document();
    let ok =
        &document["paths"]["/users/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
    assert_eq!(ok["schema"]["$ref"], "#/components/schemas/User");
    let user = &document["components"]["schemas"]["User"];
    let sent =
        serde_json::to_value(httperr_examples::find_user(1).expect("user 1")).expect("serialize");
    assert_eq!(keys(&user["properties"]), keys(&sent));
    let required: BTreeSet<String> = user["required"]
        .as_array()
        .expect("required members")
        .iter()
        .map(|key| key.as_str().expect("a required member is named").to_owned())
        .collect();
    assert_eq!(required, keys(&sent));
}

/// A scratch file for the validator, removed when dropped.
struct TempJson(PathBuf);

impl TempJson {
    fn new(name: &str, value: &Value) -> Self {
        let path =
            std::env::temp_dir().join(format!("httperr-utoipa-{}-{name}.json", std::process::id()));
        std::fs::write(&path, serde_json::to_vec_pretty(value).expect("serialize"))
            .expect("write temp file");
        TempJson(path)
    }
}

impl Drop for TempJson {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs `python3 args…`, bounded by a generous multiple of `support::TIMEOUT` (Python starts
/// slowly on a busy machine); fails the test with the install command when python3 is missing.
fn python(args: &[&str]) -> Output {
    let mut child = Command::new("python3")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start python3 ({e}): install Python 3, then {INSTALL}"));
    // Drained while the child runs: a validator report larger than the pipe buffer would
    // otherwise block the child and look like a hang.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut out);
            }
            out
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let deadline = Instant::now() + support::TIMEOUT * 6;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for python3") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("python3 {args:?} did not finish in time");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout reader"),
        stderr: stderr.join().expect("stderr reader"),
    }
}

/// Fails the test, with the install command, when the validator cannot be imported. Probed
/// once per test binary: each Python start costs about half a second.
fn require_validator() {
    static PROBE: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    let probe = PROBE.get_or_init(|| {
        let output = python(&[
            "-c",
            "import openapi_spec_validator, openapi_schema_validator",
        ]);
        if output.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        }
    });
    if let Err(reason) = probe {
        panic!("the OpenAPI validator is not installed ({reason}); {INSTALL}");
    }
}

fn validate_document(name: &str, document: &Value) -> Output {
    let file = TempJson::new(name, document);
    python(&["-m", "openapi_spec_validator", &file.0.to_string_lossy()])
}

#[test]
fn the_document_is_valid_openapi() {
    require_validator();
    let output = validate_document("sample", &document());
    assert!(
        output.status.success(),
        "openapi-spec-validator rejected the document:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("OK"),
        "{output:?}"
    );
}

#[test]
fn the_validator_rejects_broken_documents() {
    require_validator();
    let mut unresolved = document();
    // A path parameter no operation declares.
    let get = unresolved
        .pointer_mut("/paths/~1users~1{id}/get")
        .and_then(Value::as_object_mut)
        .expect("GET /users/{id}");
    get.remove("parameters").expect("parameters documented");
    // A status that is not three digits.
    let mut bad_status = document();
    let responses = bad_status
        .pointer_mut("/paths/~1users~1{id}/get/responses")
        .and_then(Value::as_object_mut)
        .expect("responses of GET /users/{id}");
    let not_found = responses.remove("404").expect("404 documented");
    responses.insert("4040".to_owned(), not_found);
    for (name, broken, reason) in [
        ("unresolved-parameter", unresolved, "Path parameter 'id'"),
        ("bad-status", bad_status, "'4040' was unexpected"),
    ] {
        let output = validate_document(name, &broken);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            !output.status.success(),
            "{name}: the validator accepted a broken document:\n{stdout}"
        );
        // Failing for the reason introduced, not for any other (a missing file, say).
        assert!(stdout.contains(reason), "{name}: {stdout}");
    }
}

/// Every real body of the sample API is valid against the schema its response documents, and so
/// is every example; and the schema rejects a body of the other format.
#[test]
fn real_bodies_and_examples_satisfy_the_documented_schemas() {
    require_validator();
    let responses = responses();
    let mut checks = Vec::new();
    let mut check = |name: &str, schema: &Value, instance: &Value, valid: bool| {
        checks
            .push(json!({ "name": name, "schema": schema, "instance": instance, "valid": valid }));
    };
    for expected in support::EXPECTED {
        let content = &responses[expected.status.to_string()]["content"][expected.content_type];
        let body: Value = serde_json::from_str(expected.body).expect("JSON body");
        check(expected.case, &content["schema"], &body, true);
    }
    for (status, response) in responses.as_object().expect("responses") {
        for (content_type, content) in response["content"].as_object().expect("content") {
            for (name, example) in content["examples"].as_object().expect("examples") {
                let name = format!("{status} {content_type} {name}");
                check(&name, &content["schema"], &example["value"], true);
            }
        }
    }
    let json_schema = serde_json::to_value(OrderError::schema()).expect("schema");
    let api_schema = serde_json::to_value(ApiError::schema()).expect("schema");
    let payment = support::EXPECTED
        .iter()
        .find(|e| e.case == "payment")
        .expect("payment case");
    let problem: Value = serde_json::from_str(payment.body).expect("problem body");
    let not_found = json!({ "error": "Not Found" });
    check("problem body, JSON schema", &json_schema, &problem, false);
    check(
        "no error member",
        &json_schema,
        &json!({ "code": "x" }),
        false,
    );
    check("oneOf, problem body", &api_schema, &problem, true);
    check("oneOf, JSON body", &api_schema, &not_found, true);
    check(
        "oneOf, neither",
        &api_schema,
        &json!({ "detail": "x" }),
        false,
    );
    assert!(
        checks.len() > support::EXPECTED.len() + 5,
        "the examples are checked too"
    );

    let file = TempJson::new("bodies", &Value::Array(checks));
    let script = r#"
import json, sys
from openapi_schema_validator import OAS31Validator
failures = []
for check in json.load(open(sys.argv[1])):
    valid = OAS31Validator(check["schema"]).is_valid(check["instance"])
    if valid != check["valid"]:
        failures.append(f"{check['name']}: expected valid={check['valid']}, got {valid}")
print("\n".join(failures) or "OK")
sys.exit(1 if failures else 0)
"#;
    let output = python(&["-c", script, &file.0.to_string_lossy()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.trim() == "OK",
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
