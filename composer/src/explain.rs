//! The `--explain` report: every import of every instance with what
//! satisfied it and how, what is left for the host, and what the composition
//! exports.

use crate::graph::{Graph, MatchKind, Source};
use std::fmt::Write;

/// Describes how an import was matched, e.g. `exact name` or
/// `version-bridged 0.2.3 -> 0.2.6`.
pub fn describe_match(how: &MatchKind) -> String {
    match how {
        MatchKind::Exact => "exact name".into(),
        MatchKind::VersionBridged { wanted, provided } => {
            format!("version-bridged {wanted} -> {provided}")
        }
        MatchKind::Explicit => "named in the script".into(),
        MatchKind::Spread => "spread in the script".into(),
    }
}

/// Renders the report for a finished graph; `notes` are appended at the end.
pub fn render(graph: &Graph, notes: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "composition of {} instance{} from {} input component{}",
        graph.instances.len(),
        plural(graph.instances.len()),
        graph.components.len(),
        plural(graph.components.len()),
    );
    for (index, instance) in graph.instances.iter().enumerate() {
        let def = graph.component_of(index);
        if def.label == instance.name {
            let _ = writeln!(out, "instance `{}`:", instance.name);
        } else {
            let _ = writeln!(out, "instance `{}` of `{}`:", instance.name, def.label);
        }
        if instance.args.is_empty() {
            let _ = writeln!(out, "  (no imports)");
        }
        for arg in &instance.args {
            let _ = match &arg.source {
                Source::Host(i) => {
                    let host = &graph.host_imports[*i];
                    let others: Vec<String> = host
                        .consumers
                        .iter()
                        .filter(|(c, _)| *c != index)
                        .map(|(c, _)| format!("`{}`", graph.instances[*c].name))
                        .collect();
                    let shared = if others.is_empty() {
                        String::new()
                    } else {
                        format!(" (merged with {})", others.join(", "))
                    };
                    let bridged = match &arg.how {
                        MatchKind::VersionBridged { .. } => {
                            format!(" ({})", describe_match(&arg.how))
                        }
                        _ => String::new(),
                    };
                    writeln!(
                        out,
                        "  import {}: left for the host as import `{}`{bridged}{shared}",
                        arg.import, host.name
                    )
                }
                Source::Export { .. } => writeln!(
                    out,
                    "  import {}: satisfied by {} ({})",
                    arg.import,
                    graph.describe(&arg.source),
                    describe_match(&arg.how)
                ),
            };
        }
    }
    if graph.exports.is_empty() {
        let _ = writeln!(out, "exports: (none)");
    } else {
        let _ = writeln!(out, "exports:");
        for export in &graph.exports {
            let _ = writeln!(
                out,
                "  {} from {}",
                export.name,
                graph.describe(&export.source)
            );
        }
    }
    for note in notes {
        let _ = writeln!(out, "note: {note}");
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
