//! utoipa: the OpenAPI document of the sample API — every status `ApiError` can produce and
//! nothing else, headers, content types, one example per variant — checked against the real
//! responses and validated against the OpenAPI 3.1 schema (vendored in `tests/fixtures`) with the
//! checks a schema cannot make, and the real bodies against their documented JSON Schemas.

mod support;

use httperr::HttpError;
use httperr_examples::{ApiError, CASES, OrderError, PaymentProblem, error_case};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::OnceLock;
use utoipa::{IntoResponses, PartialSchema};

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
        ["/errors/{case}", "/users", "/users/{id}"]
            .map(String::from)
            .into()
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

/// What the axum example answers when it refuses `POST /users`'s body (the literal bodies
/// `support::check_own_errors` asserts on the wire).
const BODY_REJECTIONS: [(&str, &str); 4] = [
    (
        "400",
        r#"{"error":"invalid JSON body: it ends early (line 1, column 9)"}"#,
    ),
    ("413", r#"{"error":"the request body is too large"}"#),
    (
        "415",
        r#"{"error":"expected a JSON body (content-type: application/json)"}"#,
    ),
    (
        "422",
        r#"{"error":"invalid JSON body: `email` has the wrong type (line 1, column 12)"}"#,
    ),
];

/// `POST /users` documents its 201 and every rejection of its body, with the schema every other
/// error has, an example for each real body, and the body schema each real body satisfies.
#[test]
fn post_users_documents_the_rejections_of_its_body() {
    let document = document();
    let operation = &document["paths"]["/users"]["post"];
    let responses = &operation["responses"];
    assert_eq!(
        keys(responses),
        ["201", "400", "413", "415", "422"].map(String::from).into()
    );
    assert_eq!(
        operation["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CreateUser"
    );
    assert_eq!(
        responses["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/NewUser"
    );
    let reasons = json!({
        "400": "Bad Request",
        "413": "Content Too Large",
        "415": "Unsupported Media Type",
        "422": "Unprocessable Content",
    });
    // The schema of ApiError's JSON bodies: the rejections share it.
    let error_schema = &self::responses()["404"]["content"]["application/json"]["schema"];
    for (status, body) in BODY_REJECTIONS {
        let response = &responses[status];
        assert_eq!(response["description"], reasons[status], "{status}");
        assert_eq!(
            keys(&response["content"]),
            ["application/json".to_owned()].into(),
            "{status}"
        );
        let content = &response["content"]["application/json"];
        assert_eq!(
            &content["schema"], error_schema,
            "{status}: the same schema"
        );
        let actual: Value = serde_json::from_str(body).expect("JSON body");
        let examples = content["examples"].as_object().expect("examples");
        assert!(
            examples
                .values()
                .any(|example| example_matches(&example["value"], &actual)),
            "{status}: no example stands for {actual} among {examples:?}"
        );
        let validator = jsonschema::draft202012::new(&content["schema"]).expect("schema");
        assert!(validator.is_valid(&actual), "{status}: {actual}");
        for example in examples.values() {
            assert!(validator.is_valid(&example["value"]), "{status}: {example}");
        }
    }
}

#[test]
fn the_user_bodies_of_post_users_match_their_schemas() {
    let document = document();
    let schemas = &document["components"]["schemas"];
    let created = serde_json::to_value(httperr_examples::create_user(
        serde_json::from_value(json!({ "email": "new@example.com" })).expect("a CreateUser"),
    ))
    .expect("serialize");
    assert_eq!(keys(&schemas["NewUser"]["properties"]), keys(&created));
    assert_eq!(schemas["NewUser"]["required"], json!(["id", "email"]));
    // CreateUser takes exactly the members its schema lists, all required.
    assert_eq!(
        keys(&schemas["CreateUser"]["properties"]),
        ["email".to_owned()].into()
    );
    assert_eq!(schemas["CreateUser"]["required"], json!(["email"]));
    assert!(serde_json::from_value::<httperr_examples::CreateUser>(json!({})).is_err());
}

/// The OpenAPI 3.1 schema, vendored (`tests/fixtures/openapi-3.1-schema.md` says from where).
const OPENAPI_31_SCHEMA: &str = include_str!("../../fixtures/openapi-3.1-schema.json");

/// The validator of whole documents against the OpenAPI 3.1 schema, built once per test binary.
fn openapi_schema() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(OPENAPI_31_SCHEMA).expect("the schema is JSON");
        jsonschema::draft202012::new(&schema).expect("the OpenAPI 3.1 schema compiles")
    })
}

/// Every problem with `document` as an OpenAPI 3.1 document, empty when it is valid: what the
/// schema says, then the rules a schema cannot express (as `openapi-spec-validator` checks
/// them): every `{parameter}` of a path template is declared `in: path` by its path item or by
/// each operation, every declared path parameter appears in the template, `operationId`s are
/// unique, and every local `$ref` resolves.
fn validate_document(document: &Value) -> Vec<String> {
    let mut problems: Vec<String> = openapi_schema()
        .iter_errors(document)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect();
    let mut operation_ids = BTreeSet::new();
    let paths = document["paths"].as_object().into_iter().flatten();
    for (template, item) in paths {
        let in_template = template_parameters(template);
        let shared = path_parameters(document, &item["parameters"]);
        let operations = item
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(method, _)| {
                [
                    "get", "put", "post", "delete", "options", "head", "patch", "trace",
                ]
                .contains(&method.as_str())
            });
        for (method, operation) in operations {
            let mut declared = shared.clone();
            declared.extend(path_parameters(document, &operation["parameters"]));
            for name in in_template.difference(&declared) {
                problems.push(format!(
                    "{method} {template}: path parameter '{name}' is used in the path but not declared"
                ));
            }
            for name in declared.difference(&in_template) {
                problems.push(format!(
                    "{method} {template}: path parameter '{name}' is declared but not in the path"
                ));
            }
            if let Some(id) = operation["operationId"].as_str() {
                if !operation_ids.insert(id.to_owned()) {
                    problems.push(format!(
                        "{method} {template}: operationId '{id}' is not unique"
                    ));
                }
            }
        }
    }
    let mut refs = Vec::new();
    local_refs(document, &mut refs);
    for target in refs {
        if resolve(document, &target).is_none() {
            problems.push(format!("$ref '{target}' does not resolve"));
        }
    }
    problems
}

/// The `{name}`s of a path template.
fn template_parameters(template: &str) -> BTreeSet<String> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// The names of the `in: path` parameters of a `parameters` list, references followed.
fn path_parameters(document: &Value, parameters: &Value) -> BTreeSet<String> {
    parameters
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|parameter| match parameter["$ref"].as_str() {
            Some(target) => resolve(document, target),
            None => Some(parameter),
        })
        .filter(|parameter| parameter["in"] == "path")
        .filter_map(|parameter| parameter["name"].as_str().map(str::to_owned))
        .collect()
}

/// Every `$ref` into this document (`#…`) anywhere in `value`. Schema Objects are included:
/// their `$ref`s point into the document too.
fn local_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(target)) = object.get("$ref") {
                if target.starts_with('#') {
                    out.push(target.clone());
                }
            }
            object.values().for_each(|v| local_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| local_refs(v, out)),
        _ => {}
    }
}

/// The value a local reference (`#/components/schemas/User`) points to.
fn resolve<'a>(document: &'a Value, target: &str) -> Option<&'a Value> {
    let pointer = target.strip_prefix('#')?;
    // A JSON pointer in a URI fragment is percent-encoded; utoipa writes none that need it.
    document.pointer(&pointer.replace("%7B", "{").replace("%7D", "}"))
}

#[test]
fn the_document_is_valid_openapi() {
    let problems = validate_document(&document());
    assert!(
        problems.is_empty(),
        "the document is not valid OpenAPI 3.1:\n{}",
        problems.join("\n")
    );
}

/// Each check fails on a document broken in its way, for the reason introduced and no other.
#[test]
fn the_validator_rejects_broken_documents() {
    let users = "/paths/~1users~1{id}";
    let edit = |change: &dyn Fn(&mut Value)| {
        let mut broken = document();
        change(&mut broken);
        broken
    };
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "undeclared path parameter",
            edit(&|d| {
                d.pointer_mut(&format!("{users}/get"))
                    .and_then(Value::as_object_mut)
                    .expect("GET /users/{id}")
                    .remove("parameters")
                    .expect("parameters documented");
            }),
            "path parameter 'id' is used in the path but not declared",
        ),
        (
            "unused path parameter",
            edit(&|d| {
                let parameters = d
                    .pointer_mut(&format!("{users}/get/parameters"))
                    .and_then(Value::as_array_mut)
                    .expect("parameters of GET /users/{id}");
                parameters.push(json!({
                    "name": "team", "in": "path", "required": true, "schema": { "type": "string" }
                }));
            }),
            "path parameter 'team' is declared but not in the path",
        ),
        (
            "duplicate operationId",
            edit(&|d| {
                d.pointer_mut(&format!("{users}/get"))
                    .and_then(Value::as_object_mut)
                    .expect("GET /users/{id}")
                    .insert("operationId".to_owned(), json!("same"));
                d.pointer_mut("/paths/~1errors~1{case}/get")
                    .and_then(Value::as_object_mut)
                    .expect("GET /errors/{case}")
                    .insert("operationId".to_owned(), json!("same"));
            }),
            "operationId 'same' is not unique",
        ),
        (
            "dangling $ref",
            edit(&|d| {
                d.pointer_mut(&format!(
                    "{users}/get/responses/200/content/application~1json"
                ))
                .and_then(Value::as_object_mut)
                .expect("the 200's JSON content")
                .insert(
                    "schema".to_owned(),
                    json!({ "$ref": "#/components/schemas/Nobody" }),
                );
            }),
            "$ref '#/components/schemas/Nobody' does not resolve",
        ),
        (
            "status that is not three digits",
            edit(&|d| {
                let responses = d
                    .pointer_mut(&format!("{users}/get/responses"))
                    .and_then(Value::as_object_mut)
                    .expect("responses of GET /users/{id}");
                let not_found = responses.remove("404").expect("404 documented");
                responses.insert("4040".to_owned(), not_found);
            }),
            "/paths/~1users~1{id}/get/responses: Unevaluated properties are not allowed ('4040' was unexpected)",
        ),
        (
            "wrong openapi version",
            edit(&|d| d["openapi"] = json!("3.0.3")),
            r#"/openapi: "3.0.3" does not match"#,
        ),
        (
            "path parameter not required",
            edit(&|d| {
                d.pointer_mut(&format!("{users}/get/parameters/0"))
                    .and_then(Value::as_object_mut)
                    .expect("the id parameter")
                    .insert("required".to_owned(), json!(false));
            }),
            "/paths/~1users~1{id}/get/parameters/0",
        ),
    ];
    for (name, broken, reason) in cases {
        let problems = validate_document(&broken);
        assert!(
            !problems.is_empty(),
            "{name}: the validator accepted a broken document"
        );
        assert!(
            problems.iter().any(|problem| problem.contains(reason)),
            "{name}: expected a problem mentioning {reason:?}, got:\n{}",
            problems.join("\n")
        );
    }
}

/// Every real body of the sample API is valid against the schema its response documents, and so
/// is every example; and the schema rejects a body of the other format.
#[test]
fn real_bodies_and_examples_satisfy_the_documented_schemas() {
    let responses = responses();
    let mut checks = Vec::new();
    let mut check = |name: &str, schema: &Value, instance: &Value, valid: bool| {
        checks.push((name.to_owned(), schema.clone(), instance.clone(), valid));
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

    let failures: Vec<String> = checks
        .iter()
        .filter_map(|(name, schema, instance, valid)| {
            let validator = jsonschema::draft202012::new(schema)
                .unwrap_or_else(|e| panic!("{name}: the schema does not compile: {e}"));
            let actual = validator.is_valid(instance);
            (actual != *valid).then(|| format!("{name}: expected valid={valid}, got {actual}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A hidden 5xx's template, header template and detail never reach the documentation: its
/// examples show what the client gets, the reason phrase.
#[derive(Debug, HttpError, httperr::utoipa::IntoResponses)]
enum Hidden {
    #[status(500, "query on db-host-7 failed: {0}")]
    Db(String),
    #[status(503, "replica {0} of secret-cluster is down")]
    #[header("x-replica", "{0}")]
    #[http(expose_headers)]
    Down(u32),
}

#[test]
fn hidden_5xx_templates_are_not_documented() {
    let responses = serde_json::to_value(Hidden::responses()).expect("serialize");
    let text = responses.to_string();
    for secret in ["db-host-7", "secret-cluster", "query on"] {
        assert!(
            !text.contains(secret),
            "the documentation shows {secret:?}: {text}"
        );
    }
    let example = |status: &str| {
        let content = &responses[status]["content"]["application/json"];
        let examples = content["examples"].as_object().expect("named examples");
        assert_eq!(examples.len(), 1, "{status}: one variant, one example");
        examples.values().next().expect("an example")["value"].clone()
    };
    assert_eq!(example("500"), json!({ "error": "Internal Server Error" }));
    assert_eq!(example("503"), json!({ "error": "Service Unavailable" }));
    // As the responses themselves say.
    let db = Hidden::Db("timeout".into()).to_response();
    assert_eq!(db.body().as_ref(), br#"{"error":"Internal Server Error"}"#);
    let down = Hidden::Down(2).to_response();
    assert_eq!(down.body().as_ref(), br#"{"error":"Service Unavailable"}"#);
    assert_eq!(down.headers()["x-replica"], "2");
}

/// Meilisearch's error bodies, declared as a shape: `{"message", "code", "type", "link"}`.
const API: httperr::Shape = httperr::Shape::json()
    .message("message")
    .code("code")
    .category("type")
    .link("link", "https://docs.example.com/errors#");

/// The message alone, as text.
const TEXT: httperr::Shape = httperr::Shape::text();

#[derive(Debug, httperr::HttpError, httperr::utoipa::IntoResponses)]
#[http(shape = API, codes, category = "invalid_request")]
enum IndexError {
    #[status(404, "index `{0}` not found")]
    IndexNotFound(String),
    /// A fixed message, with characters to escape.
    #[status(404, "no document with that \"id\" exists")]
    DocumentNotFound,
    /// A variant in a shape of its own: a second content type at 404.
    #[status(404, "no route matches {0}")]
    #[http(shape = TEXT)]
    NoRoute(String),
    #[status(400, "invalid filter: {0}")]
    InvalidFilter(String),
    /// A hidden 5xx with a header and a category of its own.
    #[status(503, "the search queue is full")]
    #[header(RETRY_AFTER, "10")]
    #[http(category = "system")]
    TooManySearchRequests,
    /// A hidden 500: the template does not reach the client, nor the documentation.
    #[status(500, "storage failed: {0}")]
    #[http(category = "internal")]
    Storage(String),
}

#[utoipa::path(
    get,
    path = "/indexes/{uid}",
    params(("uid" = String, Path)),
    responses((status = 200, description = "The index"), IndexError),
)]
#[allow(dead_code)]
fn get_index() {}

#[derive(utoipa::OpenApi)]
#[openapi(paths(get_index))]
struct IndexDoc;

/// One of each variant of `IndexError`.
fn index_errors() -> Vec<IndexError> {
    vec![
        IndexError::IndexNotFound("movies".into()),
        IndexError::DocumentNotFound,
        IndexError::NoRoute("/nowhere".into()),
        IndexError::InvalidFilter("year >".into()),
        IndexError::TooManySearchRequests,
        IndexError::Storage("sda1 is gone".into()),
    ]
}

/// A type in a declared shape is documented in that shape, in a valid OpenAPI document: each
/// real body satisfies the schema documented for its status and content type, and an example
/// stands for it.
#[test]
fn a_shaped_type_is_documented_in_its_shape() {
    use utoipa::OpenApi;
    let document = serde_json::to_value(IndexDoc::openapi()).expect("serialize document");
    let problems = validate_document(&document);
    assert!(
        problems.is_empty(),
        "the document is not valid OpenAPI 3.1:\n{}",
        problems.join("\n")
    );
    let responses = &document["paths"]["/indexes/{uid}"]["get"]["responses"];
    assert_eq!(
        keys(responses),
        ["200", "400", "404", "500", "503"].map(String::from).into()
    );
    // The shape's schema, spelled out: every variant has a code and a category, so every
    // member is always there.
    let api_schema = json!({
        "type": "object",
        "description": "An error, in the body shape the API declares.",
        "properties": {
            "message": { "type": "string", "description": "The public message." },
            "code": { "type": "string", "description": "A machine-readable code for this error." },
            "type": { "type": "string", "description": "The category of this error." },
            "link": {
                "type": "string",
                "description": "The documentation of this error's code: \
                    `https://docs.example.com/errors#` followed by the code.",
            },
        },
        "required": ["message", "code", "type", "link"],
        "additionalProperties": false,
    });
    let not_found = &responses["404"]["content"];
    assert_eq!(
        keys(not_found),
        ["application/json", "text/plain; charset=utf-8"]
            .map(String::from)
            .into()
    );
    assert_eq!(
        not_found["application/json"],
        json!({
            "schema": api_schema,
            "examples": {
                "IndexError::IndexNotFound": {
                    "summary": "index `{0}` not found",
                    "value": {
                        "message": "index `{0}` not found",
                        "code": "index_not_found",
                        "type": "invalid_request",
                        "link": "https://docs.example.com/errors#index_not_found",
                    },
                },
                "IndexError::DocumentNotFound": {
                    "summary": "no document with that \"id\" exists",
                    "value": {
                        "message": "no document with that \"id\" exists",
                        "code": "document_not_found",
                        "type": "invalid_request",
                        "link": "https://docs.example.com/errors#document_not_found",
                    },
                },
            },
        })
    );
    assert_eq!(
        not_found["text/plain; charset=utf-8"],
        json!({
            "schema": { "type": "string", "description": "The public message, as the whole body." },
            "examples": {
                "IndexError::NoRoute": {
                    "summary": "no route matches {0}",
                    "value": "no route matches {0}",
                },
            },
        })
    );
    assert_eq!(
        responses["503"]["headers"],
        json!({ "retry-after": { "schema": { "type": "string" }, "description": "10" } })
    );
    assert_eq!(
        responses["500"]["content"]["application/json"]["examples"]["IndexError::Storage"]["value"],
        json!({
            "message": "Internal Server Error",
            "code": "storage",
            "type": "internal",
            "link": "https://docs.example.com/errors#storage",
        })
    );
    assert!(
        !responses.to_string().contains("storage failed"),
        "a hidden template is documented"
    );

    let errors = index_errors();
    let mut failures = Vec::new();
    let mut content_types = BTreeSet::new();
    for error in &errors {
        let response = error.to_response();
        let status = response.status().as_str().to_owned();
        let content_type = response.headers()["content-type"]
            .to_str()
            .expect("a visible content type")
            .to_owned();
        let text = std::str::from_utf8(response.body()).expect("a UTF-8 body");
        // A text body is documented as a JSON Schema string: the body is that string.
        let body: Value = if content_type == "application/json" {
            serde_json::from_str(text).expect("a JSON body")
        } else {
            Value::String(text.to_owned())
        };
        content_types.insert(content_type.clone());
        let content = &responses[&status]["content"][&content_type];
        let validator = jsonschema::draft202012::new(&content["schema"])
            .unwrap_or_else(|e| panic!("{error:?}: no schema for {status} {content_type}: {e}"));
        if !validator.is_valid(&body) {
            failures.push(format!(
                "{error:?}: {body} is not valid against {}",
                content["schema"]
            ));
        }
        let examples = content["examples"].as_object().expect("examples");
        let stood_for = examples
            .values()
            .any(|example| match (&example["value"], &body) {
                (Value::String(template), Value::String(text)) => template_matches(template, text),
                (documented, _) => example_matches(documented, &body),
            });
        if !stood_for {
            failures.push(format!(
                "{error:?}: no example stands for {body} among {examples:?}"
            ));
        }
        for (name, example) in examples {
            if !validator.is_valid(&example["value"]) {
                failures.push(format!("{status} {content_type} {name}: not valid"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        content_types,
        ["application/json", "text/plain; charset=utf-8"]
            .map(String::from)
            .into(),
        "both content types were checked"
    );
    // And the schema can say no: the default format's body, a member missing, one too many.
    let validator = jsonschema::draft202012::new(&api_schema).expect("schema");
    assert!(!validator.is_valid(&json!({ "error": "Not Found" })));
    assert!(!validator.is_valid(&json!({ "message": "m", "code": "c", "type": "t" })));
    assert!(!validator.is_valid(&json!({
        "message": "m", "code": "c", "type": "t", "link": "l", "details": {},
    })));
}
