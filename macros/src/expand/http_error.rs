//! The `HttpError` impl: one generator per method, each rendering its `match` from the plan.

use super::{Render, option};
use crate::plan::{
    Code, CodeArm, CodeSource, Format, FormatArm, HasDetailsArm, HeaderName, HeaderPlan,
    HeaderText, HeaderValue, HeadersArm, JsonPiece, Message, MessageArm, Response, ResponseArm,
    RuntimeMessage, SerializeDetailsArm, Status, StatusArm, WriteJsonArm, WriteMessageArm,
};
use crate::template::{Resolved, Segment};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

pub(super) fn http_error(r: &Render<'_>) -> TokenStream {
    let header = r.impl_header(quote!(__p::HttpError), &r.plan.bounds.http_error);
    let status = status(r);
    let message = message(r);
    let code = code(r);
    let insert_headers = insert_headers(r);
    let format = format(r);
    let to_response = to_response(r);
    let write_message = write_message(r);
    let write_json = write_json(r);
    let details = details(r);
    let describe = describe(r);
    // A type that skips `Error` may have none (its `From` would collide with one): the log
    // reads the sources the attributes name instead.
    let error_source = match r.plan.impls.error || r.plan.input.thiserror {
        true => quote!(::core::error::Error::source(self)),
        false => super::std_impls::source(r),
    };
    quote! {
        #header {
            #status
            #message
            #code
            #insert_headers
            #format
            #to_response
            #write_message
            #write_json
            fn __error_display(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(self, __f)
            }
            fn __error_source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                #error_source
            }
            #describe
            #details
        }
    }
}

fn status(r: &Render<'_>) -> TokenStream {
    let body = r.dispatch(&r.plan.methods.status, &|arm, v| match arm {
        StatusArm::Status(status) => status_value(*status),
        StatusArm::Runtime => r.runtime_call(v, "runtime_status", TokenStream::new()),
        StatusArm::Forward => r.forward(v, "status", None),
    });
    quote! {
        fn status(&self) -> ::httperr::__private::StatusCode {
            #body
        }
    }
}

fn message(r: &Render<'_>) -> TokenStream {
    let body = r.dispatch(&r.plan.methods.message, &|arm, v| match arm {
        MessageArm::Fixed(text) => quote!(__p::Cow::Borrowed(#text)),
        MessageArm::Written => quote!(__p::message(self)),
        MessageArm::Forward => r.forward(v, "message", None),
    });
    quote! {
        fn message(&self) -> ::httperr::__private::Cow<'_, ::core::primitive::str> {
            #body
        }
    }
}

fn code(r: &Render<'_>) -> TokenStream {
    let body = r.dispatch(&r.plan.methods.code, &|arm, v| match arm {
        CodeArm::Code(code) => option(code.as_deref()),
        CodeArm::Runtime => runtime_code(r, v),
        CodeArm::Forward => r.forward(v, "code", None),
    });
    quote! {
        fn code(&self) -> ::core::option::Option<&::core::primitive::str> {
            #body
        }
    }
}

/// The code of a variant that chooses it at run time, read at the user's field type or
/// function, where a value that is not a code is reported.
fn runtime_code(r: &Render<'_>, v: usize) -> TokenStream {
    let Response::Own(own) = &r.plan.variants[v].response else {
        return TokenStream::new();
    };
    match &own.runtime_code {
        Some(CodeSource::Field(i)) => {
            let field = &r.variant(v).fields[*i];
            let at = Span::call_site().located_at(field.ty.span());
            let binding = format_ident!("{}", field.binding, span = at);
            quote_spanned!(at=> __p::code_value(#binding))
        }
        Some(CodeSource::With(path)) => {
            let at = Span::call_site().located_at(path.span());
            let mut args = TokenStream::new();
            for field in &r.variant(v).fields {
                let binding = &field.binding;
                args.extend(quote!(#binding,));
            }
            quote_spanned!(at=> __p::code_value(#path(#args)))
        }
        None => TokenStream::new(),
    }
}

fn format(r: &Render<'_>) -> TokenStream {
    let body = r.dispatch(&r.plan.methods.format, &|arm, v| match arm {
        FormatArm::Format(format) => format_value(r, format),
        FormatArm::Forward => r.forward(v, "format", None),
    });
    quote! {
        fn format(&self) -> ::httperr::BodyFormat {
            #body
        }
    }
}

fn insert_headers(r: &Render<'_>) -> TokenStream {
    let Some(arms) = &r.plan.methods.insert_headers else {
        return TokenStream::new();
    };
    let body = r.dispatch(arms, &|arm, v| match arm {
        HeadersArm::Headers(headers) => {
            let mut out = TokenStream::new();
            for (name, text) in headers {
                out.extend(append_text(r, v, name, text));
            }
            quote!({ #out })
        }
        HeadersArm::Formatted => {
            let Response::Own(own) = &r.plan.variants[v].response else {
                return TokenStream::new();
            };
            let mut out = TokenStream::new();
            for HeaderPlan { name, value, .. } in &own.headers {
                out.extend(match value {
                    HeaderValue::Text(text) => append_text(r, v, name, text),
                    HeaderValue::Formatted(Resolved { format, args, .. }) => {
                        let name = header_name(name);
                        quote!(__p::append_header(__headers, #name, ::core::format_args!(#format #args));)
                    }
                });
            }
            if let Some(i) = own.extra_headers {
                let field = &r.variant(v).fields[i];
                // At the field's type: where a field that is not a header map is reported.
                let at = Span::call_site().located_at(field.ty.span());
                let binding = format_ident!("{}", field.binding, span = at);
                out.extend(quote_spanned!(at=> __p::extra_headers(__headers, #binding);));
            }
            quote!({ #out })
        }
        HeadersArm::Forward => r.forward(v, "insert_headers", Some("__headers")),
    });
    quote! {
        fn insert_headers(&self, __headers: &mut ::httperr::__private::HeaderMap) {
            #body
        }
    }
}

/// One header whose value is fixed, or formatted from plain fields with a format string of ours.
fn append_text(r: &Render<'_>, v: usize, name: &HeaderName, text: &HeaderText) -> TokenStream {
    let name = header_name(name);
    match text {
        HeaderText::Fixed(value) => {
            quote!(__headers.append(#name, const { __p::HeaderValue::from_static(#value) });)
        }
        HeaderText::Direct(segments) => {
            let mut format = String::new();
            let mut args = TokenStream::new();
            for segment in segments {
                match segment {
                    Segment::Text(text) => {
                        for c in text.chars() {
                            if c == '{' || c == '}' {
                                format.push(c);
                            }
                            format.push(c);
                        }
                    }
                    Segment::Field(i) => {
                        format.push_str("{}");
                        let binding = r.binding(v, *i);
                        args.extend(quote!(, #binding));
                    }
                }
            }
            quote!(__p::append_header(__headers, #name, ::core::format_args!(#format #args));)
        }
    }
}

fn to_response(r: &Render<'_>) -> TokenStream {
    let body = r.dispatch(&r.plan.methods.to_response, &|arm, v| match arm {
        ResponseArm::Fixed {
            status,
            format,
            body,
            headers,
        } => {
            let (status, format) = (status_value(*status), format_value(r, format));
            let headers = Literal::usize_unsuffixed(*headers);
            let body = Literal::byte_string(body.as_bytes());
            quote!(__p::respond_fixed(self, #status, #format, #body, #headers, __length))
        }
        ResponseArm::Written {
            status,
            format,
            code,
            headers,
        } => {
            let (status, format) = (status_value(*status), format_value(r, format));
            let (code, headers) = (code_value(code), Literal::usize_unsuffixed(*headers));
            quote!(__p::respond(self, #status, #format, #code, #headers, __length))
        }
        ResponseArm::Runtime {
            format,
            code,
            headers,
        } => {
            let format = format_value(r, format);
            let (code, headers) = (code_value(code), Literal::usize_unsuffixed(*headers));
            quote!(__p::respond(self, __p::HttpError::status(self), #format, #code, #headers, __length))
        }
        ResponseArm::Serialized { headers } => {
            let headers = Literal::usize_unsuffixed(*headers);
            quote!(__p::respond_serialized(self, #headers, __length))
        }
        ResponseArm::FixedShaped {
            status,
            format,
            message,
            code,
            headers,
        } => {
            let body = shaped_body(r, *status, format, message, code.as_deref());
            let shape = match format {
                Format::Shape { path, .. } => r.shape(path),
                _ => return TokenStream::new(),
            };
            let status = status_value(*status);
            let headers = Literal::usize_unsuffixed(*headers);
            // The whole body around no message: its content type checked at compile time too.
            quote!({
                #body
                const __SPLIT: __p::Split = __p::Split::new(#shape, &__BODY, __p::NO_MESSAGE);
                __p::respond_split(self, #status, __SPLIT, #headers, __length)
            })
        }
        ResponseArm::SplitShaped {
            status,
            format,
            code,
            headers,
        } => {
            let body = shaped_body(r, *status, format, "", code.as_deref());
            let shape = match format {
                Format::Shape { path, .. } => r.shape(path),
                _ => return TokenStream::new(),
            };
            let status = status_value(*status);
            let headers = Literal::usize_unsuffixed(*headers);
            quote!({
                #body
                const __SPLIT: __p::Split =
                    __p::Split::new(#shape, &__BODY, __p::message_at(#shape, &__PARTS));
                __p::respond_split(self, #status, __SPLIT, #headers, __length)
            })
        }
        ResponseArm::Custom { path, headers } => {
            let path = &path.path;
            let headers = Literal::usize_unsuffixed(*headers);
            // At the path: where a value that writes no body of this type is reported.
            let writer = quote_spanned!(path.span()=> &#path);
            quote!(__p::respond_custom(self, __p::HttpError::status(self), #writer, #headers, __length))
        }
        ResponseArm::Forward => r.forward(v, "respond", Some("__length")),
    });
    quote! {
        fn to_response(&self) -> ::httperr::__private::Response<::httperr::__private::Bytes> {
            __p::HttpError::__respond(self, true)
        }
        fn __respond(
            &self,
            __length: bool,
        ) -> ::httperr::__private::Response<::httperr::__private::Bytes> {
            #body
        }
    }
}

fn write_message(r: &Render<'_>) -> TokenStream {
    let body = r.dispatch(&r.plan.methods.write_message, &|arm, v| match arm {
        // `message()` borrows it: one arm for every fixed message.
        WriteMessageArm::Message => quote!(__out.write_str(&__p::HttpError::message(self))),
        // One shared arm instead of a second `format_args!` per variant.
        WriteMessageArm::Display => quote!(__out.write_fmt(::core::format_args!("{}", self))),
        WriteMessageArm::Template => match &r.plan.variants[v].response {
            Response::Own(own) => match &own.message {
                Message::Template { resolved, .. } => {
                    let (format, args) = (&resolved.format, &resolved.args);
                    quote!(__out.write_fmt(::core::format_args!(#format #args)))
                }
                _ => TokenStream::new(),
            },
            Response::Transparent(_) => TokenStream::new(),
        },
        WriteMessageArm::Runtime(inner) => {
            let expose = match &r.plan.variants[v].response {
                Response::Own(own) => own.runtime.as_ref().is_some_and(|runtime| runtime.expose),
                Response::Transparent(_) => false,
            };
            let shown = match inner {
                RuntimeMessage::Title => {
                    let title = r.runtime_call(v, "runtime_title", TokenStream::new());
                    return quote!(__out.write_str(#title));
                }
                RuntimeMessage::Fixed(text) => quote!(__out.write_str(#text)),
                RuntimeMessage::Display => {
                    quote!(__out.write_fmt(::core::format_args!("{}", self)))
                }
                RuntimeMessage::Template => match &r.plan.variants[v].response {
                    Response::Own(own) => match &own.message {
                        Message::Template { resolved, .. } => {
                            let (format, args) = (&resolved.format, &resolved.args);
                            quote!(__out.write_fmt(::core::format_args!(#format #args)))
                        }
                        _ => TokenStream::new(),
                    },
                    Response::Transparent(_) => TokenStream::new(),
                },
            };
            let hidden = r.runtime_call(v, "runtime_hidden", quote!(, #expose));
            quote! {
                match #hidden {
                    ::core::option::Option::Some(__title) => __out.write_str(__title),
                    ::core::option::Option::None => #shown,
                }
            }
        }
        WriteMessageArm::Forward => r.forward(v, "__write_message", Some("__out")),
    });
    quote! {
        fn __write_message(
            &self,
            __out: &mut dyn ::httperr::__private::fmt::Write,
        ) -> ::httperr::__private::fmt::Result {
            #body
        }
    }
}

/// `__write_json`, for types with messages made only of text and plain `{field}`s: the text was
/// escaped at compile time (in the plan), and each field is written by the runtime writer the
/// plan chose for its type, with no `core::fmt` in between.
fn write_json(r: &Render<'_>) -> TokenStream {
    let Some(arms) = &r.plan.methods.write_json else {
        return TokenStream::new();
    };
    let body = r.dispatch(arms, &|arm, v| match arm {
        WriteJsonArm::Direct(pieces) => {
            let mut writes = TokenStream::new();
            for piece in pieces {
                writes.extend(match piece {
                    JsonPiece::Text(escaped) => quote!(__out.raw(#escaped);),
                    JsonPiece::Str(i) => {
                        let binding = r.binding(v, *i);
                        quote!(__p::FieldStr::__json(&__p::Field(#binding), __out);)
                    }
                    JsonPiece::Int(i) => {
                        let binding = r.binding(v, *i);
                        quote!(__p::FieldInt::__json(&__p::Field(#binding), __out);)
                    }
                });
            }
            quote!({ #writes })
        }
        WriteJsonArm::Message => quote!(__out.message(self)),
        WriteJsonArm::Forward => r.forward(v, "__write_json", Some("__out")),
    });
    quote! {
        fn __write_json(&self, __out: &mut ::httperr::__private::JsonMessage<'_>) {
            #body
        }
    }
}

fn details(r: &Render<'_>) -> TokenStream {
    let (Some(has), Some(serialize)) = (
        &r.plan.methods.has_details,
        &r.plan.methods.serialize_details,
    ) else {
        return TokenStream::new();
    };
    let has = r.dispatch(has, &|arm, v| match arm {
        HasDetailsArm::Has(has) => has.into_token_stream(),
        HasDetailsArm::Forward => r.forward(v, "__has_details", None),
    });
    let serialize = r.dispatch(serialize, &|arm, v| match arm {
        SerializeDetailsArm::None => quote!(::core::result::Result::Ok(())),
        SerializeDetailsArm::Fields => {
            let mut entries = TokenStream::new();
            for &i in &serialize.binds[v] {
                let field = &r.variant(v).fields[i];
                // At the field's type: where a missing `Serialize` is reported.
                let at = Span::call_site().located_at(field.ty.span());
                let name = &field.name;
                let binding = format_ident!("{}", field.binding, span = at);
                entries.extend(quote_spanned! {at=>
                    ::httperr::__private::SerializeMap::serialize_entry(__map, #name, #binding)?;
                });
            }
            quote!({ #entries ::core::result::Result::Ok(()) })
        }
        SerializeDetailsArm::Forward => r.forward(v, "__serialize_details", Some("__map")),
    });
    quote! {
        fn __has_details(&self) -> bool {
            #has
        }
        fn __serialize_details<__M: ::httperr::__private::SerializeMap>(
            &self,
            __map: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            #serialize
        }
    }
}

/// The documentation data of every response the type can produce, transparent ones taken from
/// the wrapped types. Only httperr's `utoipa` feature reads it, and it turns on `openapi`.
#[cfg(feature = "openapi")]
fn describe(r: &Render<'_>) -> TokenStream {
    let type_name = r.plan.input.ident.to_string();
    let mut entries = TokenStream::new();
    for plan in &r.plan.variants {
        let own = match &plan.response {
            // Not one status to document it under.
            Response::Own(own) if own.runtime.is_some() => continue,
            Response::Own(own) => own,
            &Response::Transparent(i) => {
                let ty = super::qualified_self(plan.variant.fields[i].ty);
                entries.extend(quote!((&&__p::ForwardType::<#ty>::NEW).forward_describe(__out);));
                continue;
            }
        };
        let message = match &own.message {
            Message::Fixed(text) => text,
            Message::Template { resolved, .. } => &resolved.text,
            Message::Display { text } => text
                .as_deref()
                .unwrap_or_else(|| crate::codes::title(own.status.code)),
            Message::Title => crate::codes::title(own.status.code),
        };
        let mut headers = TokenStream::new();
        for header in &own.headers {
            let (name, value) = &header.doc;
            headers.extend(quote!((#name, #value),));
        }
        let mut details = TokenStream::new();
        for &i in &own.details {
            let name = &plan.variant.fields[i].name;
            details.extend(quote!(#name,));
        }
        let variant = plan.variant.ident.to_string();
        let status = own.status.code;
        let code = option(own.code.as_deref());
        let problem_type = match &own.format {
            Format::Problem { type_uri } => option(Some(type_uri)),
            _ => option(None),
        };
        let (shape, category) = match &own.format {
            Format::Shape { path, category } => {
                let shape = r.shape(path);
                (quote!(__p::Some(#shape)), option(category.as_deref()))
            }
            _ => (quote!(__p::None), option(None)),
        };
        let custom_body = matches!(own.format, Format::Custom(_));
        let runtime_code = own.runtime_code.is_some();
        entries.extend(quote! {
            __out.push(__p::ResponseDoc {
                type_name: #type_name,
                variant: #variant,
                status: #status,
                message: #message,
                code: #code,
                problem_type: #problem_type,
                headers: &[#headers],
                details: &[#details],
                shape: #shape,
                category: #category,
                custom_body: #custom_body,
                runtime_code: #runtime_code,
            });
        });
    }
    quote! {
        fn __describe(__out: &mut ::httperr::__private::Vec<::httperr::__private::ResponseDoc>) {
            #entries
        }
    }
}

#[cfg(not(feature = "openapi"))]
fn describe(_: &Render<'_>) -> TokenStream {
    TokenStream::new()
}

/// The items of a body in a declared shape, evaluated at compile time from the user's
/// constant: its parts (`__PARTS`), its length, then its bytes (`__BODY`) in an array of that
/// length.
fn shaped_body(
    r: &Render<'_>,
    status: Status,
    format: &Format,
    message: &str,
    code: Option<&str>,
) -> TokenStream {
    let Format::Shape { path, category } = format else {
        return TokenStream::new();
    };
    let shape = r.shape(path);
    let title = crate::codes::title(status.code);
    let code_value = status.code;
    let (code, category) = (option(code), option(category.as_deref()));
    quote! {
        const __PARTS: __p::FixedBody = __p::FixedBody {
            status: #code_value,
            title: #title,
            message: #message,
            code: #code,
            category: #category,
        };
        const __LEN: usize = __p::fixed_len(#shape, &__PARTS);
        const __BODY: [u8; __LEN] = __p::fixed_body::<__LEN>(#shape, &__PARTS);
    }
}

/// http's constant when it has one, else a checked code in a `const` block.
fn status_value(status: Status) -> TokenStream {
    match status.constant {
        Some(constant) => {
            let constant = format_ident!("{}", constant);
            quote!(__p::StatusCode::#constant)
        }
        None => {
            let code = Literal::u16_unsuffixed(status.code);
            quote!(const { __p::status(#code) })
        }
    }
}

fn format_value(r: &Render<'_>, format: &Format) -> TokenStream {
    match format {
        // A `WriteBody`'s body is the user's; its `format()` (and `Serialize`) is the default.
        Format::Json | Format::Custom(_) => quote!(__p::BodyFormat::Json),
        Format::Problem { type_uri } => quote!(__p::BodyFormat::Problem { type_uri: #type_uri }),
        Format::Shape { path, category } => {
            let (shape, category) = (r.shape(path), option(category.as_deref()));
            quote!(__p::BodyFormat::Shaped { shape: #shape, category: #category })
        }
    }
}

fn code_value(code: &Code) -> TokenStream {
    match code {
        Code::Known(code) => option(code.as_deref()),
        Code::Runtime => quote!(__p::HttpError::code(self)),
    }
}

fn header_name(name: &HeaderName) -> TokenStream {
    match name {
        HeaderName::Constant(constant) => {
            let constant = format_ident!("{}", constant);
            quote!(__p::http::header::#constant)
        }
        HeaderName::Custom(name) => quote!(const { __p::HeaderName::from_static(#name) }),
    }
}
