//! Import and export names: splitting `ns:pkg/iface@1.2.3` into its base and
//! version, and deciding when two versions are semver-compatible.

use std::cmp::Ordering;
use std::fmt;

/// A semantic version as it appears after `@` in a component-model name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version {
    /// Major number.
    pub major: u64,
    /// Minor number.
    pub minor: u64,
    /// Patch number.
    pub patch: u64,
    /// Pre-release tag after `-` (empty when absent).
    pub pre: String,
}

impl Version {
    /// Parses `MAJOR.MINOR.PATCH[-PRE][+BUILD]`; build metadata is ignored.
    pub fn parse(text: &str) -> Option<Version> {
        let text = text.split('+').next()?;
        let (core, pre) = match text.split_once('-') {
            Some((core, pre)) => (core, pre.to_string()),
            None => (text, String::new()),
        };
        let mut parts = core.split('.');
        let mut number = || -> Option<u64> {
            let part = parts.next()?;
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let version = Version {
            major: number()?,
            minor: number()?,
            patch: number()?,
            pre,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(version)
    }

    /// Whether a component that wants `self` can be given `other`: both must be
    /// on the same compatibility track (same major; for `0.x` the same minor;
    /// for `0.0.x` the same patch), and pre-releases only match exactly.
    pub fn compatible_with(&self, other: &Version) -> bool {
        if !self.pre.is_empty() || !other.pre.is_empty() {
            return self == other;
        }
        match (self.major, self.minor) {
            (0, 0) => other.major == 0 && other.minor == 0 && self.patch == other.patch,
            (0, minor) => other.major == 0 && other.minor == minor,
            (major, _) => other.major == major,
        }
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(other.major, other.minor, other.patch))
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => self.pre.cmp(&other.pre),
            })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre)?;
        }
        Ok(())
    }
}

/// An extern name split into the part before `@` and its version, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternName {
    /// The name without its version, e.g. `wasi:cli/stdout`.
    pub base: String,
    /// The version after `@`, when present and well formed.
    pub version: Option<Version>,
}

impl ExternName {
    /// Splits `name` at its last `@`. Plain names (`run`) have no version.
    pub fn parse(name: &str) -> ExternName {
        if let Some((base, version)) = name.rsplit_once('@')
            && let Some(version) = Version::parse(version)
        {
            return ExternName {
                base: base.to_string(),
                version: Some(version),
            };
        }
        ExternName {
            base: name.to_string(),
            version: None,
        }
    }

    /// The last path segment: `stdout` for `wasi:cli/stdout@0.2.0`, the whole
    /// name for plain names.
    pub fn short(&self) -> &str {
        self.base.rsplit('/').next().unwrap_or(&self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    #[test]
    fn parses_names() {
        let name = ExternName::parse("wasi:cli/stdout@0.2.3");
        assert_eq!(name.base, "wasi:cli/stdout");
        assert_eq!(name.version, Some(v("0.2.3")));
        assert_eq!(name.short(), "stdout");
        let plain = ExternName::parse("run");
        assert_eq!(plain.version, None);
        assert_eq!(ExternName::parse("a:b/c@bad").version, None);
    }

    #[test]
    fn compatibility_tracks() {
        assert!(v("0.2.3").compatible_with(&v("0.2.6")));
        assert!(v("0.2.6").compatible_with(&v("0.2.3")));
        assert!(!v("0.2.3").compatible_with(&v("0.3.0")));
        assert!(v("1.2.0").compatible_with(&v("1.9.1")));
        assert!(!v("1.2.0").compatible_with(&v("2.0.0")));
        assert!(!v("0.0.1").compatible_with(&v("0.0.2")));
        assert!(!v("1.0.0-rc1").compatible_with(&v("1.0.0")));
    }

    #[test]
    fn ordering_puts_releases_after_prereleases() {
        assert!(v("1.0.0-rc1") < v("1.0.0"));
        assert!(v("0.2.6") > v("0.2.3"));
    }
}
