//! Plugs that nothing imports: an error that names the plug, what it exports, and the import
//! nearest to each export, so a version or spelling slip is obvious at once.

use crate::component::ComponentDef;
use crate::error::{ComposeError, ErrorKind};
use std::fmt::Write;

/// How an import comes close to an export without matching it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Nearness {
    /// The same interface at a version that is not semver-compatible.
    OtherVersion,
    /// An interface of the same name in another package.
    OtherPackage,
    /// A name a few edits away.
    Spelling(usize),
}

/// `ns:pkg/iface@1.2.3` split into (`ns:pkg/iface`, `iface`).
fn parts(name: &str) -> (&str, &str) {
    let bare = name.split_once('@').map_or(name, |(n, _)| n);
    let item = bare.rsplit_once('/').map_or(bare, |(_, i)| i);
    (bare, item)
}

/// How near `import` is to `export`, if near at all.
fn nearness(export: &str, import: &str) -> Option<Nearness> {
    let ((bare_e, item_e), (bare_i, item_i)) = (parts(export), parts(import));
    if bare_e == bare_i {
        return Some(Nearness::OtherVersion);
    }
    if item_e == item_i && bare_e.contains('/') && bare_i.contains('/') {
        return Some(Nearness::OtherPackage);
    }
    let distance = edit_distance(bare_e, bare_i);
    (distance <= 3.max(bare_e.len() / 5)).then_some(Nearness::Spelling(distance))
}

/// Levenshtein distance between two names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (here + 1)
                .min(row[j] + 1)
                .min(previous + usize::from(ca != *cb));
            previous = here;
        }
    }
    row[b.len()]
}

/// The error for `unused` plugs (indices into `components`), given the components whose
/// imports were resolved (`used`).
pub fn error(components: &[ComponentDef], unused: &[usize], used: &[usize]) -> ComposeError {
    let mut message = String::new();
    for &plug in unused {
        let def = &components[plug];
        let _ = writeln!(
            message,
            "plug `{}` is not used: nothing in the composition imports what it exports",
            def.label
        );
        if def.exports.is_empty() {
            message.push_str("  it exports nothing\n");
        }
        for export in &def.exports {
            let _ = write!(message, "  it exports `{}`", export.name);
            let nearest = used
                .iter()
                .flat_map(|&c| components[c].imports.iter().map(move |i| (c, i)))
                .filter_map(|(c, import)| {
                    nearness(&export.name, &import.name).map(|n| (n, c, import))
                })
                .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.name.cmp(&b.2.name)));
            match nearest {
                Some((how, c, import)) => {
                    let why = match how {
                        Nearness::OtherVersion => {
                            "the same interface at a version it cannot satisfy"
                        }
                        Nearness::OtherPackage => "the same interface name in another package",
                        Nearness::Spelling(_) => "a similar name",
                    };
                    let _ = writeln!(
                        message,
                        "; nearest import: `{}` imports `{}` ({why})",
                        components[c].label, import.name
                    );
                }
                None => message.push_str("; no import comes close\n"),
            }
        }
    }
    message.push_str(
        "hint: fix the names or versions, leave the plug out, or keep it on purpose with \
         --allow-unused-plugs",
    );
    ComposeError::new(ErrorKind::UnusedPlug, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_packages_and_spellings_are_near() {
        assert_eq!(
            nearness("docs:math/ops@2.0.0", "docs:math/ops@1.0.0"),
            Some(Nearness::OtherVersion)
        );
        assert_eq!(
            nearness("acme:math/ops", "docs:math/ops"),
            Some(Nearness::OtherPackage)
        );
        assert_eq!(
            nearness("docs:math/opps", "docs:math/ops"),
            Some(Nearness::Spelling(1))
        );
        assert_eq!(nearness("wasi:http/handler", "docs:math/ops"), None);
        assert!(Nearness::OtherVersion < Nearness::Spelling(0));
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
