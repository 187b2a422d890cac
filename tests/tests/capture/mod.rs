//! A `tracing` subscriber that keeps every event, so tests can assert on levels and fields.
//! Shared by the core logging tests and the framework server tests (included by path).
#![allow(dead_code)] // each includer uses a subset

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Level, Metadata, Subscriber};

/// One event logged.
#[derive(Debug, Clone)]
pub struct Logged {
    pub target: String,
    pub level: Level,
    pub fields: BTreeMap<String, String>,
}

/// A subscriber that keeps every event, so the test can assert on levels and fields.
#[derive(Clone, Default)]
pub struct Capture(Arc<Mutex<Vec<Logged>>>);

impl Capture {
    /// Every event logged so far.
    pub fn events(&self) -> Vec<Logged> {
        self.0.lock().expect("capture lock").clone()
    }

    /// Takes the events logged so far by httperr itself (not by axum, hyper or tokio).
    pub fn take_httperr(&self) -> Vec<Logged> {
        let mut events = self.0.lock().expect("capture lock");
        std::mem::take(&mut *events)
            .into_iter()
            .filter(|e| e.target == "httperr" || e.target.starts_with("httperr::"))
            .collect()
    }
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        self.0.lock().expect("capture lock").push(Logged {
            target: event.metadata().target().to_owned(),
            level: *event.metadata().level(),
            fields,
        });
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}
