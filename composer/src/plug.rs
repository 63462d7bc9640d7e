//! Plug mode: a root component and plugs that satisfy its imports and each
//! other's, transitively. Whatever nobody provides is left for the host.

use crate::component::{ComponentDef, ExternKind};
use crate::error::{ComposeError, ErrorKind};
use crate::explain;
use crate::graph::{Arg, Graph, GraphExport, Instance, Source};
use crate::matching::{Provider, find_provider};
use std::collections::HashMap;
use std::fmt::Write;
use wit_parser::InterfaceId;

/// Whether a component used by several importers is instantiated once or
/// once per importer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sharing {
    /// One instance shared by every consumer (the default).
    #[default]
    Shared,
    /// A fresh instance for each consumer (and, recursively, its own providers).
    PerConsumer,
}

/// The resolved imports of one component: `None` means left for the host.
type Resolved = Vec<Option<Provider>>;

/// Builds the instance graph for `root` and `plugs`. Plugs are put in a
/// canonical order first, so the command-line order never matters.
pub fn build(
    root: ComponentDef,
    mut plugs: Vec<ComponentDef>,
    sharing: Sharing,
    allow_unused: bool,
) -> Result<(Graph, Vec<String>), ComposeError> {
    plugs.sort_by(|a, b| a.label.cmp(&b.label).then_with(|| a.bytes.cmp(&b.bytes)));
    let mut components = Vec::with_capacity(plugs.len() + 1);
    components.push(root);
    components.extend(plugs);
    make_labels_unique(&mut components);

    // Resolve the imports of every component reachable from the root.
    let mut resolved: HashMap<usize, Resolved> = HashMap::new();
    let mut queue = vec![0usize];
    let mut report = String::new();
    while let Some(component) = queue.pop() {
        if resolved.contains_key(&component) {
            continue;
        }
        let def = &components[component];
        let _ = writeln!(report, "component `{}`:", def.label);
        let mut list = Vec::with_capacity(def.imports.len());
        for import in &def.imports {
            match find_provider(&components, component, import) {
                Ok(Some(provider)) => {
                    let _ = writeln!(
                        report,
                        "  import {}: satisfied by `{}` export `{}` ({})",
                        import.name,
                        components[provider.component].label,
                        provider.export,
                        explain::describe_match(&provider.how)
                    );
                    queue.push(provider.component);
                    list.push(Some(provider));
                }
                Ok(None) => {
                    let _ = writeln!(
                        report,
                        "  import {}: no component exports it; left for the host",
                        import.name
                    );
                    list.push(None);
                }
                Err(e) => {
                    let _ = writeln!(
                        report,
                        "  import {}: no provider chosen (see the error above)",
                        import.name
                    );
                    return Err(e.with_explanation(&report));
                }
            }
        }
        resolved.insert(component, list);
        // Visit providers in import order: push in reverse onto the stack.
        let start = queue.len() - resolved[&component].iter().filter(|p| p.is_some()).count();
        queue[start..].reverse();
    }

    if let Some(cycle) = find_cycle(&components, &resolved) {
        return Err(ComposeError::new(
            ErrorKind::Cycle,
            format!("the components depend on each other in a cycle:\n  {cycle}"),
        )
        .with_explanation(&report));
    }

    let unused: Vec<usize> = (1..components.len())
        .filter(|index| !resolved.contains_key(index))
        .collect();
    if !unused.is_empty() && !allow_unused {
        let mut used: Vec<usize> = resolved.keys().copied().collect();
        used.sort_unstable();
        return Err(crate::unused::error(&components, &unused, &used).with_explanation(&report));
    }

    let mut graph = Graph {
        components,
        ..Graph::default()
    };
    let mut builder = InstanceBuilder {
        resolved: &resolved,
        sharing,
        shared: HashMap::new(),
        counts: HashMap::new(),
    };
    let root = builder.instantiate(&mut graph, 0);
    graph.exports = root_exports(&graph, root);

    let notes = unused
        .iter()
        .map(|&index| {
            format!(
                "plug `{}` is unused (allowed): nothing reachable from the root imports what it exports",
                graph.components[index].label
            )
        })
        .collect();
    Ok((graph, notes))
}

/// What the root exports, each preceded by the interfaces its types come
/// from when a plug provides them: those are re-exported from the plug so
/// that the composition's exports only use types it imports or exports.
fn root_exports(graph: &Graph, root: usize) -> Vec<GraphExport> {
    fn add_dependencies(
        graph: &Graph,
        root: usize,
        id: InterfaceId,
        exports: &mut Vec<GraphExport>,
    ) {
        let def = graph.component_of(root);
        for dep in def.resolve.interface_direct_deps(id) {
            add_dependencies(graph, root, dep, exports);
            let Some(name) = def.resolve.id_of(dep) else {
                continue;
            };
            let Some(arg) = graph.instances[root].args.iter().find(|a| a.import == name) else {
                continue;
            };
            if matches!(arg.source, Source::Export { .. })
                && !exports.iter().any(|e| e.name == name)
            {
                exports.push(GraphExport {
                    name,
                    source: arg.source.clone(),
                });
            }
        }
    }
    let mut exports = Vec::new();
    for export in &graph.component_of(root).exports {
        if let ExternKind::Instance(id) = export.kind {
            add_dependencies(graph, root, id, &mut exports);
        }
        if !exports.iter().any(|e| e.name == export.name) {
            exports.push(GraphExport {
                name: export.name.clone(),
                source: Source::Export {
                    instance: root,
                    name: export.name.clone(),
                },
            });
        }
    }
    exports
}

/// Gives every component a distinct label, keeping the first one as is.
fn make_labels_unique(components: &mut [ComponentDef]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for def in components.iter_mut() {
        let count = seen.entry(def.label.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            def.label = format!("{}#{}", def.label, count);
        }
    }
}

/// Finds a dependency cycle among the resolved components and describes it as
/// a path, e.g. `a -(x:y/z)-> b -(x:y/w)-> a`.
fn find_cycle(components: &[ComponentDef], resolved: &HashMap<usize, Resolved>) -> Option<String> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    fn visit(
        node: usize,
        components: &[ComponentDef],
        resolved: &HashMap<usize, Resolved>,
        marks: &mut [Mark],
        stack: &mut Vec<(usize, String)>,
    ) -> Option<String> {
        marks[node] = Mark::Active;
        let imports = &components[node].imports;
        for (import, provider) in imports.iter().zip(&resolved[&node]) {
            let Some(provider) = provider else { continue };
            stack.push((node, import.name.clone()));
            match marks[provider.component] {
                Mark::Active => {
                    let start = stack.iter().position(|(n, _)| *n == provider.component)?;
                    let mut path = String::new();
                    let steps = &stack[start..];
                    for (i, (n, via)) in steps.iter().enumerate() {
                        let to = steps
                            .get(i + 1)
                            .map_or(provider.component, |(next, _)| *next);
                        let lead = if i == 0 { "" } else { ",\n  which " };
                        let who = if i == 0 {
                            format!("`{}` ", components[*n].label)
                        } else {
                            String::new()
                        };
                        let _ = write!(
                            path,
                            "{lead}{who}imports {via} from `{}`",
                            components[to].label
                        );
                    }
                    return Some(path);
                }
                Mark::New => {
                    if let Some(path) =
                        visit(provider.component, components, resolved, marks, stack)
                    {
                        return Some(path);
                    }
                }
                Mark::Done => {}
            }
            stack.pop();
        }
        marks[node] = Mark::Done;
        None
    }
    let mut marks = vec![Mark::New; components.len()];
    visit(0, components, resolved, &mut marks, &mut Vec::new())
}

struct InstanceBuilder<'a> {
    resolved: &'a HashMap<usize, Resolved>,
    sharing: Sharing,
    shared: HashMap<usize, usize>,
    counts: HashMap<usize, usize>,
}

impl InstanceBuilder<'_> {
    /// Instantiates `component` after its providers; returns the instance index.
    fn instantiate(&mut self, graph: &mut Graph, component: usize) -> usize {
        if self.sharing == Sharing::Shared
            && let Some(instance) = self.shared.get(&component)
        {
            return *instance;
        }
        let mut args = Vec::new();
        let mut host = Vec::new();
        for (import, provider) in graph.components[component]
            .imports
            .clone()
            .iter()
            .zip(&self.resolved[&component])
        {
            match provider {
                Some(provider) => {
                    let instance = self.instantiate(graph, provider.component);
                    args.push(Arg {
                        import: import.name.clone(),
                        source: Source::Export {
                            instance,
                            name: provider.export.clone(),
                        },
                        how: provider.how.clone(),
                    });
                }
                None => host.push(import.clone()),
            }
        }
        let index = graph.instances.len();
        for import in host {
            let h = graph.host_import(&import.name, import.kind, (index, import.name.clone()));
            args.push(Arg {
                import: import.name.clone(),
                source: Source::Host(h),
                how: crate::graph::MatchKind::Exact,
            });
        }
        // Keep the arguments in the component's own import order.
        let order = &graph.components[component].imports;
        args.sort_by_key(|a| order.iter().position(|i| i.name == a.import));
        let count = self.counts.entry(component).or_insert(0);
        *count += 1;
        let label = &graph.components[component].label;
        let name = if *count == 1 {
            label.clone()
        } else {
            format!("{label}#{count}")
        };
        graph.instances.push(Instance {
            component,
            name,
            args,
        });
        self.shared.insert(component, index);
        index
    }
}
