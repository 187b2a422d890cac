//! The derive works with nothing imported and with the prelude's names shadowed.
#![deny(
    unused_qualifications,
    unused_imports,
    unused_results,
    missing_debug_implementations,
    clippy::all,
    clippy::pedantic
)]

mod shadowing {
    #![no_implicit_prelude]
    #![allow(dead_code, non_camel_case_types, clippy::pedantic)]
    pub struct Result;
    pub struct Ok;
    pub struct Err;
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub struct String;
    pub struct Box;
    pub struct Vec;
    pub struct str;
    pub struct Cow;
    pub struct StatusCode;
    pub struct HttpError;
    pub mod core {}
    pub mod std {}
    pub mod http {}
    pub mod serde {}

    #[derive(::core::fmt::Debug, ::httperr::HttpError)]
    #[http(codes, format = "problem", type_base = "https://example.com/p/")]
    pub enum Hygienic {
        #[status(404, "item {id} missing")]
        #[header(RETRY_AFTER, "{id}")]
        Missing {
            id: u64,
            #[detail]
            hint: &'static ::core::primitive::str,
        },
        #[status(500)]
        Io(#[from] ::std::io::Error),
        #[status(409)]
        Fixed,
    }

    #[derive(::core::fmt::Debug, ::httperr::HttpError)]
    #[status(transparent)]
    pub struct Wrapper(pub Hygienic);
}

#[test]
fn compiles_and_works_without_imports() {
    use ::httperr::HttpError as _;
    let error = shadowing::Hygienic::Missing {
        id: 3,
        hint: "check the id",
    };
    let response = error.to_response();
    ::std::assert_eq!(response.status().as_u16(), 404);
    ::std::assert_eq!(
        response.body().as_ref(),
        br#"{"type":"https://example.com/p/missing","title":"Not Found","status":404,"detail":"item 3 missing","code":"missing","hint":"check the id"}"#
    );
    let wrapped = shadowing::Wrapper(shadowing::Hygienic::Fixed);
    ::std::assert_eq!(wrapped.to_response().status().as_u16(), 409);
    let io: shadowing::Hygienic = ::std::io::Error::other("x").into();
    ::std::assert_eq!(io.to_response().status().as_u16(), 500);
}

#[test]
fn renamed_derive_import() {
    use ::httperr::HttpError as DeriveHttp;
    #[derive(::core::fmt::Debug, DeriveHttp)]
    #[status(410)]
    struct Gone;
    ::std::assert_eq!(::httperr::HttpError::status(&Gone).as_u16(), 410);
}
