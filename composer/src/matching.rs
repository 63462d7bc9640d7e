//! Finding the provider of an import among other components' exports: exact
//! name first, then a semver-compatible version (preferring an exporter at
//! least as new as the importer), then a structural type check.

use crate::component::{ComponentDef, Extern, ExternKind};
use crate::error::{ComposeError, ErrorKind};
use crate::graph::MatchKind;
use crate::names::ExternName;
use crate::typecheck;

/// A chosen provider for one import.
#[derive(Debug, Clone)]
pub struct Provider {
    /// Index of the providing component.
    pub component: usize,
    /// The provider's export name.
    pub export: String,
    /// How the names matched.
    pub how: MatchKind,
}

fn same_class(a: ExternKind, b: ExternKind) -> bool {
    matches!(
        (a, b),
        (ExternKind::Instance(_), ExternKind::Instance(_))
            | (ExternKind::Func, ExternKind::Func)
            | (ExternKind::Type(_), ExternKind::Type(_))
    )
}

/// Looks for a provider of `import` (of component `importer`) among
/// `components`. `Ok(None)` means nobody exports anything by that name.
pub fn find_provider(
    components: &[ComponentDef],
    importer: usize,
    import: &Extern,
) -> Result<Option<Provider>, ComposeError> {
    let wanted = ExternName::parse(&import.name);
    let mut exact = Vec::new();
    let mut compatible = Vec::new();
    for (index, def) in components.iter().enumerate() {
        if index == importer {
            continue;
        }
        for export in &def.exports {
            if !same_class(import.kind, export.kind) {
                continue;
            }
            if export.name == import.name {
                exact.push((index, export.name.clone(), None));
                continue;
            }
            let offered = ExternName::parse(&export.name);
            if let (Some(w), Some(o)) = (&wanted.version, &offered.version)
                && offered.base == wanted.base
                && w.compatible_with(o)
            {
                compatible.push((index, export.name.clone(), Some(o.clone())));
            }
        }
    }

    let (chosen, how) = if !exact.is_empty() {
        ambiguity(components, importer, import, &exact)?;
        (exact.swap_remove(0), MatchKind::Exact)
    } else if !compatible.is_empty() {
        let want = wanted
            .version
            .clone()
            .expect("compatible implies a version");
        // Best first: at least as new as wanted, then the highest version.
        let rank = |v: &Option<crate::names::Version>| {
            let v = v.as_ref().expect("compatible exports have versions");
            (*v >= want, v.clone())
        };
        compatible.sort_by(|a, b| rank(&b.2).cmp(&rank(&a.2)).then(a.0.cmp(&b.0)));
        let best = rank(&compatible[0].2);
        let top: Vec<_> = compatible
            .iter()
            .filter(|c| rank(&c.2) == best)
            .cloned()
            .collect();
        ambiguity(components, importer, import, &top)?;
        let chosen = compatible.swap_remove(0);
        let provided = chosen.2.clone().expect("compatible exports have versions");
        (
            chosen,
            MatchKind::VersionBridged {
                wanted: want,
                provided,
            },
        )
    } else {
        return Ok(None);
    };

    let (component, export, _) = chosen;
    let provider = &components[component];
    let importer_def = &components[importer];
    let export_ext = provider.export(&export).expect("export listed above");
    typecheck::check_item(
        &importer_def.resolve,
        importer_def.import_item(import),
        &provider.resolve,
        provider.export_item(export_ext),
    )
    .map_err(|mismatch| {
        ComposeError::new(
            ErrorKind::TypeMismatch,
            format!(
                "`{}` imports `{}`, but the export `{export}` of `{}` has a different type:\n  {mismatch}",
                importer_def.label, import.name, provider.label
            ),
        )
    })?;
    Ok(Some(Provider {
        component,
        export,
        how,
    }))
}

fn ambiguity(
    components: &[ComponentDef],
    importer: usize,
    import: &Extern,
    candidates: &[(usize, String, Option<crate::names::Version>)],
) -> Result<(), ComposeError> {
    let mut providers: Vec<usize> = candidates.iter().map(|c| c.0).collect();
    providers.dedup();
    if providers.len() < 2 {
        return Ok(());
    }
    let list: Vec<String> = candidates
        .iter()
        .map(|(c, name, _)| format!("  - `{}` exports `{name}`", components[*c].label))
        .collect();
    Err(ComposeError::new(
        ErrorKind::AmbiguousProvider,
        format!(
            "`{}` imports `{}`, and {} components provide it equally well:\n{}\nremove all but one of them, or write the wiring explicitly in a WAC script",
            components[importer].label,
            import.name,
            providers.len(),
            list.join("\n")
        ),
    ))
}
