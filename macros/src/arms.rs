//! The arms of each generated method, one per variant, and which variants share one.
//!
//! Sharing is what keeps a large enum cheap to compile: variants with the same arm become one
//! or-pattern arm (`Self::A | Self::B { .. } => …`), so each distinct status, body or code is
//! written and checked once, and the largest group that binds nothing is the final `_`.

use crate::ast::Variant;
use crate::plan::{
    Body, Code, CodeArm, Display, DisplayArm, Format, FormatArm, Group, HasDetailsArm, HeaderText,
    HeaderValue, HeadersArm, JsonPiece, Match, Message, MessageArm, Methods, Own, Response,
    ResponseArm, RuntimeMessage, SerializeDetailsArm, SourceArm, StatusArm, VariantPlan,
    WriteJsonArm, WriteMessageArm,
};
use crate::template::Segment;
use quote::ToTokens;

/// One variant's arm in one method.
struct Arm<A> {
    arm: A,
    /// The fields the arm reads.
    binds: Vec<usize>,
    /// Variants with an equal arm binding the same names at the same types may share it.
    /// False when the arm carries spans of its own variant's tokens (its errors must point at
    /// that variant's code).
    shared: bool,
}

fn shared<A>(arm: A) -> Arm<A> {
    Arm {
        arm,
        binds: Vec::new(),
        shared: true,
    }
}

fn shared_reading<A>(arm: A, binds: Vec<usize>) -> Arm<A> {
    Arm {
        arm,
        binds,
        shared: true,
    }
}

fn alone<A>(arm: A, binds: Vec<usize>) -> Arm<A> {
    Arm {
        arm,
        binds,
        shared: false,
    }
}

/// A transparent variant's arm: the same method called on the forwarded field, at its type.
fn forward<A>(arm: A, plan: &VariantPlan<'_>) -> Arm<A> {
    let mut binds = Vec::new();
    if let Response::Transparent(i) = plan.response {
        binds.push(i);
    }
    alone(arm, binds)
}

/// `our_display`: the derive writes `Display`, which then formats message templates.
pub(crate) fn methods(variants: &[VariantPlan<'_>], our_display: bool) -> Methods {
    let mut any_headers = false;
    let mut any_details = false;
    let mut any_direct = false;
    for plan in variants {
        match &plan.response {
            // A transparent variant's field may have headers and details of its own.
            Response::Transparent(_) => (any_headers, any_details) = (true, true),
            Response::Own(own) => {
                any_headers |= !own.headers.is_empty() || own.extra_headers.is_some();
                any_details |= !own.details.is_empty();
                any_direct |= matches!(
                    own.message,
                    Message::Template {
                        direct: Some(_),
                        ..
                    }
                );
            }
        }
    }
    Methods {
        status: build(variants, &|plan, own| match own {
            // At the user's field type or function: where a wrong type is reported.
            Some(Own {
                runtime: Some(runtime),
                ..
            }) => alone(StatusArm::Runtime, runtime.binds(plan.variant.fields.len())),
            Some(own) => shared(StatusArm::Status(own.status)),
            None => forward(StatusArm::Forward, plan),
        }),
        message: build(variants, &|plan, own| match own {
            Some(own) => match &own.message {
                _ if own.runtime.is_some() => shared(MessageArm::Written),
                Message::Fixed(text) => shared(MessageArm::Fixed(text.clone())),
                Message::Template { .. } | Message::Display { .. } | Message::Title => {
                    shared(MessageArm::Written)
                }
            },
            None => forward(MessageArm::Forward, plan),
        }),
        code: build(variants, &|plan, own| match own {
            // At the user's field type or function: where a wrong type is reported.
            Some(Own {
                runtime_code: Some(source),
                ..
            }) => alone(CodeArm::Runtime, source.binds(plan.variant.fields.len())),
            Some(own) => shared(CodeArm::Code(own.code.clone())),
            None => forward(CodeArm::Forward, plan),
        }),
        format: build(variants, &|plan, own| match own {
            Some(own) => shared(FormatArm::Format(own.format.clone())),
            None => forward(FormatArm::Forward, plan),
        }),
        insert_headers: any_headers.then(|| build(variants, &|plan, own| headers_arm(plan, own))),
        to_response: build(variants, &|plan, own| match own {
            Some(own) => shared(response_arm(own)),
            None => forward(ResponseArm::Forward, plan),
        }),
        write_message: build(variants, &|plan, own| match own {
            Some(Own {
                runtime: Some(runtime),
                message,
                ..
            }) => {
                let mut binds = runtime.binds(plan.variant.fields.len());
                let inner = match message {
                    Message::Fixed(text) => RuntimeMessage::Fixed(text.clone()),
                    Message::Template { resolved, .. } if !our_display => {
                        binds.extend(resolved.fields());
                        RuntimeMessage::Template
                    }
                    Message::Template { .. } | Message::Display { .. } => RuntimeMessage::Display,
                    Message::Title => RuntimeMessage::Title,
                };
                binds.sort_unstable();
                binds.dedup();
                alone(WriteMessageArm::Runtime(inner), binds)
            }
            Some(own) => match &own.message {
                Message::Fixed(_) => shared(WriteMessageArm::Message),
                Message::Template { resolved, .. } if !our_display => {
                    alone(WriteMessageArm::Template, resolved.fields())
                }
                Message::Template { .. } | Message::Display { .. } | Message::Title => {
                    shared(WriteMessageArm::Display)
                }
            },
            None => forward(WriteMessageArm::Forward, plan),
        }),
        write_json: any_direct.then(|| {
            build(variants, &|plan, own| match own {
                Some(own) => match &own.message {
                    Message::Template {
                        direct: Some(segments),
                        ..
                    } => shared_reading(WriteJsonArm::Direct(segments.clone()), pieces(segments)),
                    _ => shared(WriteJsonArm::Message),
                },
                None => forward(WriteJsonArm::Forward, plan),
            })
        }),
        has_details: any_details.then(|| {
            build(variants, &|plan, own| match own {
                Some(own) => shared(HasDetailsArm::Has(!own.details.is_empty())),
                None => forward(HasDetailsArm::Forward, plan),
            })
        }),
        serialize_details: any_details.then(|| {
            build(variants, &|plan, own| match own {
                Some(own) if own.details.is_empty() => shared(SerializeDetailsArm::None),
                // Each entry at its field's type, where a missing `Serialize` is reported.
                Some(own) => alone(SerializeDetailsArm::Fields, own.details.clone()),
                None => forward(SerializeDetailsArm::Forward, plan),
            })
        }),
        display: build(variants, &|plan, _| match &plan.display {
            Display::Fixed(text) => shared(DisplayArm::Fixed(text.clone())),
            Display::Template(resolved) => match &resolved.fixed {
                Some(text) => shared(DisplayArm::Fixed(text.clone())),
                None => alone(DisplayArm::Template, resolved.fields()),
            },
            // Written with no span of the field's: variants wrapping one type share it.
            Display::Transparent(i) => shared_reading(DisplayArm::Forward, vec![*i]),
            Display::Title => match &plan.response {
                Response::Own(own) => match &own.runtime {
                    Some(runtime) => {
                        alone(DisplayArm::Title, runtime.binds(plan.variant.fields.len()))
                    }
                    None => shared(DisplayArm::Fixed(String::new())),
                },
                Response::Transparent(_) => shared(DisplayArm::Fixed(String::new())),
            },
        }),
        source: build(variants, &|plan, _| match (&plan.response, plan.source) {
            (_, Some(cause)) => shared_reading(
                SourceArm::Field {
                    optional: cause.optional,
                },
                vec![cause.field],
            ),
            (Response::Transparent(i), None) => shared_reading(SourceArm::Forward, vec![*i]),
            (Response::Own(_), None) => shared(SourceArm::None),
        }),
    }
}

fn headers_arm(plan: &VariantPlan<'_>, own: Option<&Own>) -> Arm<HeadersArm> {
    let Some(own) = own else {
        return forward(HeadersArm::Forward, plan);
    };
    let mut texts = Vec::with_capacity(own.headers.len());
    let mut binds = Vec::new();
    for header in &own.headers {
        match &header.value {
            HeaderValue::Text(text) => {
                if let HeaderText::Direct(segments) = text {
                    binds.extend(fields(segments));
                }
                texts.push((header.name.clone(), text.clone()));
            }
            HeaderValue::Formatted(resolved) => binds.extend(resolved.fields()),
        }
    }
    binds.extend(own.extra_headers);
    binds.sort_unstable();
    binds.dedup();
    if texts.len() == own.headers.len() && own.extra_headers.is_none() {
        shared_reading(HeadersArm::Headers(texts), binds)
    } else {
        alone(HeadersArm::Formatted, binds)
    }
}

fn response_arm(own: &Own) -> ResponseArm {
    // The size the header map starts at: a `#[headers]` field counts for one, and the map
    // grows if it holds more.
    let headers = own.headers.len() + usize::from(own.extra_headers.is_some());
    match &own.body {
        Body::Serialized => ResponseArm::Serialized { headers },
        Body::Custom => match &own.format {
            Format::Custom(path) => ResponseArm::Custom {
                path: path.clone(),
                headers,
            },
            _ => ResponseArm::Serialized { headers },
        },
        Body::SplitShaped => ResponseArm::SplitShaped {
            status: own.status,
            format: own.format.clone(),
            code: own.code.clone(),
            headers,
        },
        Body::FixedShaped(message) => ResponseArm::FixedShaped {
            status: own.status,
            format: own.format.clone(),
            message: message.clone(),
            code: own.code.clone(),
            headers,
        },
        Body::Written if own.runtime.is_some() => ResponseArm::Runtime {
            format: own.format.clone(),
            code: code(own),
            headers,
        },
        Body::Fixed(body) => ResponseArm::Fixed {
            status: own.status,
            format: own.format.clone(),
            body: body.clone(),
            headers,
        },
        Body::Written => ResponseArm::Written {
            status: own.status,
            format: own.format.clone(),
            code: code(own),
            headers,
        },
    }
}

fn code(own: &Own) -> Code {
    match own.runtime_code {
        Some(_) => Code::Runtime,
        None => Code::Known(own.code.clone()),
    }
}

fn pieces(pieces: &[JsonPiece]) -> Vec<usize> {
    let mut fields = Vec::new();
    for piece in pieces {
        if let JsonPiece::Str(i) | JsonPiece::Int(i) = piece {
            if !fields.contains(i) {
                fields.push(*i);
            }
        }
    }
    fields
}

fn fields(segments: &[Segment]) -> Vec<usize> {
    let mut fields = Vec::new();
    for segment in segments {
        if let Segment::Field(i) = segment {
            if !fields.contains(i) {
                fields.push(*i);
            }
        }
    }
    fields
}

/// Each variant's arm from `arm(plan, own response)`, grouped.
fn build<A: PartialEq>(
    variants: &[VariantPlan<'_>],
    arm: &dyn Fn(&VariantPlan<'_>, Option<&Own>) -> Arm<A>,
) -> Match<A> {
    let mut built = Vec::with_capacity(variants.len());
    for plan in variants {
        let own = match &plan.response {
            Response::Own(own) => Some(&**own),
            Response::Transparent(_) => None,
        };
        built.push(arm(plan, own));
    }
    let mut keys = Vec::with_capacity(built.len());
    for (plan, arm) in variants.iter().zip(&built) {
        keys.push(arm.shared.then(|| Key {
            arm: &arm.arm,
            bindings: bindings(plan.variant, &arm.binds),
        }));
    }
    let groups = group(&keys, &|key| !key.bindings.is_empty());
    let mut arms = Vec::with_capacity(built.len());
    let mut binds = Vec::with_capacity(built.len());
    for arm in built {
        arms.push(arm.arm);
        binds.push(arm.binds);
    }
    Match {
        arms,
        binds,
        groups,
    }
}

/// What must be equal for two variants to share an arm: the arm, and the names and types its
/// pattern binds (an or-pattern binds the same names at the same types in every alternative).
#[derive(PartialEq)]
struct Key<'a, A> {
    arm: &'a A,
    bindings: Vec<(String, String)>,
}

fn bindings(variant: &Variant<'_>, binds: &[usize]) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(binds.len());
    for &i in binds {
        let field = &variant.fields[i];
        out.push((
            field.binding.to_string(),
            field.ty.to_token_stream().to_string(),
        ));
    }
    out
}

/// Groups variants by key: `keys[i]` is variant `i`'s, `None` for an arm of its own. Groups
/// come in the order of their first variant; the largest group whose key does not `binds`
/// (the first of equals) becomes the `_` rest.
pub(crate) fn group<K: PartialEq>(keys: &[Option<K>], binds: &dyn Fn(&K) -> bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // The key of each group, `None` for a variant alone.
    let mut group_keys: Vec<Option<&K>> = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let mut found = None;
        if let Some(key) = key {
            for (g, group_key) in group_keys.iter().enumerate() {
                if *group_key == Some(key) {
                    found = Some(g);
                    break;
                }
            }
        }
        match found {
            Some(g) => groups[g].variants.push(i),
            None => {
                groups.push(Group {
                    variants: vec![i],
                    rest: false,
                });
                group_keys.push(key.as_ref());
            }
        }
    }
    let mut rest: Option<usize> = None;
    for (g, group) in groups.iter().enumerate() {
        let candidate = group_keys[g].is_some_and(|key| !binds(key));
        let larger = rest.is_none_or(|r| group.variants.len() > groups[r].variants.len());
        if candidate && larger {
            rest = Some(g);
        }
    }
    if let Some(r) = rest {
        let mut last = groups.remove(r);
        last.rest = true;
        groups.push(last);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::group;
    use crate::plan::Group;

    fn groups(keys: &[Option<(&str, bool)>]) -> Vec<(Vec<usize>, bool)> {
        group(keys, &|key| key.1)
            .into_iter()
            .map(|Group { variants, rest }| (variants, rest))
            .collect()
    }

    #[test]
    fn equal_keys_share_and_the_largest_group_is_the_rest() {
        let keys = [
            Some(("404", false)),
            Some(("500", false)),
            Some(("404", false)),
            Some(("409", false)),
            Some(("500", false)),
            Some(("500", false)),
        ];
        assert_eq!(
            groups(&keys),
            [(vec![0, 2], false), (vec![3], false), (vec![1, 4, 5], true)],
        );
    }

    #[test]
    fn arms_of_their_own_are_never_shared_nor_the_rest() {
        let keys = [None, None, Some(("x", false))];
        assert_eq!(
            groups(&keys),
            [(vec![0], false), (vec![1], false), (vec![2], true)],
        );
        assert_eq!(groups(&[None, None]), [(vec![0], false), (vec![1], false)]);
    }

    #[test]
    fn a_group_that_binds_fields_is_never_the_rest() {
        let keys = [
            Some(("direct", true)),
            Some(("direct", true)),
            Some(("fixed", false)),
        ];
        assert_eq!(groups(&keys), [(vec![0, 1], false), (vec![2], true)],);
        assert_eq!(groups(&[Some(("direct", true))]), [(vec![0], false)]);
    }

    #[test]
    fn the_first_of_equally_large_groups_is_the_rest() {
        let keys = [Some(("a", false)), Some(("b", false))];
        assert_eq!(groups(&keys), [(vec![1], false), (vec![0], true)]);
    }

    #[test]
    fn no_variants_no_groups() {
        assert_eq!(groups(&[]), []);
    }
}
