//! The typed model of a derive input: the type, its variants and fields, with parsed attributes.

use crate::attr::{self, Attrs, FieldAttrs};
use crate::errors::Errors;
use crate::template::{self, FieldRef};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) attrs: Attrs,
    pub(crate) is_enum: bool,
    /// A struct is modelled as its one variant, reached as `Self`.
    pub(crate) variants: Vec<Variant<'a>>,
    /// Some part of the type carries thiserror's `#[error(...)]`: thiserror writes `Display`,
    /// `Error` and `From`, and the derive writes none of them.
    pub(crate) thiserror: bool,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) attrs: Attrs,
    pub(crate) fields: Vec<Field<'a>>,
    pub(crate) style: Style,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Named,
    Tuple,
    Unit,
}

pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    /// The name as templates write it: the identifier without `r#`, or the tuple index.
    pub(crate) name: String,
    pub(crate) binding: Ident,
    pub(crate) ty: &'a Type,
    pub(crate) attrs: FieldAttrs,
}

impl<'a> Input<'a> {
    pub(crate) fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Input<'a>> {
        let attrs = attr::item(&input.attrs, errors);
        let (is_enum, variants) = match &input.data {
            Data::Enum(data) => {
                let mut variants = Vec::with_capacity(data.variants.len());
                for variant in &data.variants {
                    variants.push(Variant {
                        ident: &variant.ident,
                        attrs: attr::item(&variant.attrs, errors),
                        fields: Field::all(&variant.fields, errors),
                        style: Style::of(&variant.fields),
                    });
                }
                (true, variants)
            }
            Data::Struct(data) => {
                let variant = Variant {
                    ident: &input.ident,
                    attrs: Attrs::default(),
                    fields: Field::all(&data.fields, errors),
                    style: Style::of(&data.fields),
                };
                (false, vec![variant])
            }
            Data::Union(data) => {
                errors.at(
                    data.union_token.span,
                    "#[derive(HttpError)] works on enums and structs, not unions: wrap the union in a struct",
                );
                return None;
            }
        };
        let mut thiserror = attrs.thiserror_display;
        for variant in &variants {
            thiserror |= variant.attrs.thiserror_display;
        }
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            is_enum,
            variants,
            thiserror,
        })
    }

    /// The attributes that hold for a variant: its own for an enum, the type's for a struct.
    pub(crate) fn attrs_of<'s>(&'s self, variant: &'s Variant<'_>) -> &'s Attrs {
        if self.is_enum {
            &variant.attrs
        } else {
            &self.attrs
        }
    }
}

impl<'a> Variant<'a> {
    /// `Self::Name` for an enum variant, `Self` for a struct.
    pub(crate) fn path(&self, is_enum: bool) -> TokenStream {
        // At the call site: a `#[deprecated]` variant named there is not a reported use.
        let mut ident = self.ident.clone();
        ident.set_span(Span::call_site());
        if is_enum {
            quote!(Self::#ident)
        } else {
            quote!(Self)
        }
    }

    pub(crate) fn refs(&self) -> Vec<FieldRef<'_>> {
        let mut refs = Vec::with_capacity(self.fields.len());
        for field in &self.fields {
            refs.push(FieldRef {
                name: field.name.clone(),
                binding: &field.binding,
                is_path: is_path(field.ty),
            });
        }
        refs
    }

    pub(crate) fn span(&self) -> Span {
        self.ident.span()
    }
}

impl<'a> Field<'a> {
    fn all(fields: &'a Fields, errors: &mut Errors) -> Vec<Field<'a>> {
        let mut all = Vec::with_capacity(fields.len());
        for (i, field) in fields.iter().enumerate() {
            let name = match &field.ident {
                Some(ident) => {
                    let name = ident.to_string();
                    match name.strip_prefix("r#") {
                        Some(raw) => raw.to_owned(),
                        None => name,
                    }
                }
                None => i.to_string(),
            };
            all.push(Field {
                original: field,
                binding: template::binding(&name),
                name,
                ty: &field.ty,
                attrs: attr::field(&field.attrs, errors),
            });
        }
        all
    }

    pub(crate) fn span(&self) -> Span {
        match &self.original.ident {
            Some(ident) => ident.span(),
            None => self.ty.span(),
        }
    }

    /// `E` when the field's type is `Option<E>`.
    pub(crate) fn option_inner(&self) -> Option<&'a Type> {
        option_inner(self.ty)
    }

    /// A field that `Error::source` returns: `#[source]`, `#[from]`, or named `source`.
    pub(crate) fn is_source(&self) -> bool {
        self.attrs.source.is_some()
            || self.attrs.from.is_some()
            || self.original.ident.as_ref().is_some_and(|i| i == "source")
    }
}

/// A `Path` or `PathBuf`, bare, behind references or in a `Box`, `Rc`, `Arc` or `Cow`, by its
/// spelling: it has no `Display`, and templates print it with `.display()` as thiserror does.
pub(crate) fn is_path(ty: &Type) -> bool {
    match ty {
        Type::Reference(reference) => is_path(&reference.elem),
        Type::Paren(paren) => is_path(&paren.elem),
        Type::Path(path) => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            if last.ident == "Path" || last.ident == "PathBuf" {
                return true;
            }
            let wrapper = ["Box", "Rc", "Arc", "Cow"]
                .iter()
                .any(|name| last.ident == name);
            let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
                return false;
            };
            let mut inner = None;
            for argument in &arguments.args {
                if let syn::GenericArgument::Type(ty) = argument {
                    inner = Some(ty);
                }
            }
            wrapper && inner.is_some_and(is_path)
        }
        _ => false,
    }
}

/// `E` when `ty` is `Option<E>`, by its last path segment (as thiserror sees it).
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.first() {
        Some(syn::GenericArgument::Type(inner)) if arguments.args.len() == 1 => Some(inner),
        _ => None,
    }
}

impl Style {
    fn of(fields: &Fields) -> Style {
        match fields {
            Fields::Named(_) => Style::Named,
            Fields::Unnamed(_) => Style::Tuple,
            Fields::Unit => Style::Unit,
        }
    }
}
