//! Items the derive's generated code calls. Not public API: names and signatures change freely.

pub use crate::as_dyn_error::AsDynError;
pub use crate::body::shape::{Fixed as FixedBody, NO_MESSAGE, fixed_body, fixed_len, message_at};
pub use crate::body::{serialize, serialize_without_details};
pub use crate::forward::{Forward, ForwardType, StatusOf, methods};
pub use crate::message::{
    CodeValue, ExtraHeaders, Field, FieldInt, FieldStr, JsonMessage, append_header, code_value,
    extra_headers, message,
};
pub use crate::response::{
    Split, StatusValue, respond, respond_custom, respond_fixed, respond_serialized, respond_split,
    runtime_hidden, runtime_status, runtime_title, status, status_code,
};
pub use crate::response_doc::ResponseDoc;
pub use crate::{BodyFormat, HttpError, Shape};
pub use bytes::Bytes;
pub use core::error::Error;
pub use core::fmt;
pub use core::option::Option::{self, None, Some};
pub use http;
pub use http::header::{HeaderMap, HeaderName, HeaderValue};
pub use http::{Response, StatusCode};
pub use serde;
pub use serde::ser::{SerializeMap, Serializer};
pub use std::borrow::Cow;
pub use std::string::String;
pub use std::vec::Vec;

pub use crate::frameworks as glue;
// The glue macros the framework derives call, one per framework.
#[cfg(feature = "actix-web")]
pub use crate::__impl_actix_web;
#[cfg(feature = "axum")]
pub use crate::__impl_axum;
#[cfg(feature = "poem")]
pub use crate::__impl_poem;
#[cfg(feature = "rocket")]
pub use crate::__impl_rocket;
#[cfg(feature = "salvo")]
pub use crate::__impl_salvo;
#[cfg(feature = "utoipa")]
pub use crate::__impl_utoipa;
#[cfg(feature = "warp")]
pub use crate::__impl_warp;
#[cfg(feature = "actix-web")]
pub use ::actix_web;
#[cfg(feature = "poem")]
pub use ::poem;
#[cfg(feature = "rocket")]
pub use ::rocket;
#[cfg(feature = "utoipa")]
pub use ::utoipa;
#[cfg(feature = "warp")]
pub use ::warp;
#[cfg(feature = "axum")]
pub use axum_core;
#[cfg(feature = "salvo")]
pub use salvo_core;
