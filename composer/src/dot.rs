//! Graphviz rendering of the wiring: instances as boxes, host imports and
//! composition exports as ellipses, an edge per satisfied import.

use crate::explain::describe_match;
use crate::graph::{Graph, MatchKind, Source};
use std::fmt::Write;

/// Renders `graph` in the Graphviz `dot` language.
pub fn render(graph: &Graph) -> String {
    let mut out = String::from(
        "digraph composition {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n  edge [fontname=\"monospace\", fontsize=10];\n",
    );
    for (i, host) in graph.host_imports.iter().enumerate() {
        let _ = writeln!(
            out,
            "  import{i} [shape=ellipse, style=dashed, label=\"{}\"];",
            escape(&format!("import {}", host.name))
        );
    }
    for (i, instance) in graph.instances.iter().enumerate() {
        let label = &graph.components[instance.component].label;
        let text = if *label == instance.name {
            instance.name.clone()
        } else {
            format!("{}\n({label})", instance.name)
        };
        let _ = writeln!(out, "  instance{i} [label=\"{}\"];", escape(&text));
    }
    for (i, export) in graph.exports.iter().enumerate() {
        let _ = writeln!(
            out,
            "  export{i} [shape=ellipse, style=bold, label=\"{}\"];",
            escape(&format!("export {}", export.name))
        );
    }
    for (i, instance) in graph.instances.iter().enumerate() {
        for arg in &instance.args {
            let (from, label) = match &arg.source {
                Source::Host(h) => (format!("import{h}"), arg.import.clone()),
                Source::Export { instance, name } => {
                    let label = match &arg.how {
                        MatchKind::Exact => name.clone(),
                        how => format!("{name} -> {}\n{}", arg.import, describe_match(how)),
                    };
                    (format!("instance{instance}"), label)
                }
            };
            let _ = writeln!(
                out,
                "  {from} -> instance{i} [label=\"{}\"];",
                escape(&label)
            );
        }
    }
    for (i, export) in graph.exports.iter().enumerate() {
        let from = match &export.source {
            Source::Host(h) => format!("import{h}"),
            Source::Export { instance, .. } => format!("instance{instance}"),
        };
        let _ = writeln!(out, "  {from} -> export{i};");
    }
    out.push_str("}\n");
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_labels() {
        assert_eq!(escape("a\"b\nc"), "a\\\"b\\nc");
    }

    #[test]
    fn empty_graph_is_valid_dot() {
        let text = render(&Graph::default());
        assert!(text.starts_with("digraph composition {"));
        assert!(text.ends_with("}\n"));
    }
}
