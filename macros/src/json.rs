//! Bodies computed at compile time, for variants whose body does not depend on field values.
//!
//! The escaping is the runtime writer's (and serde_json's); the tests compare every fixed body
//! with the one the runtime writes through `Serialize`.

/// The whole body of a variant: `problem_type` is `None` for the JSON format.
pub(crate) fn body(
    status: u16,
    problem_type: Option<&str>,
    code: Option<&str>,
    message: &str,
) -> String {
    let mut out = String::with_capacity(64 + message.len());
    match problem_type {
        None => {
            out.push_str("{\"error\":");
            string(&mut out, message);
        }
        Some(problem_type) => {
            out.push_str("{\"type\":");
            string(&mut out, problem_type);
            out.push_str(",\"title\":");
            string(&mut out, crate::codes::title(status));
            out.push_str(",\"status\":");
            out.push_str(&status.to_string());
            out.push_str(",\"detail\":");
            string(&mut out, message);
        }
    }
    if let Some(code) = code {
        out.push_str(",\"code\":");
        string(&mut out, code);
    }
    out.push('}');
    out
}

/// The inside of a JSON string holding `value`, as the runtime writer would escape it.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    string(&mut out, value);
    out[1..out.len() - 1].to_owned()
}

fn string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
