//! The WASI 0.2.0 WIT packages as data.
//!
//! Every interface, type, resource, function and world of the seven WASI 0.2.0
//! packages (`wasi:io`, `wasi:clocks`, `wasi:random`, `wasi:filesystem`,
//! `wasi:sockets`, `wasi:cli` and `wasi:http`) is shipped as plain `.wit` source
//! embedded in this crate, so other knit crates can load the standard worlds
//! (`wasi:cli/command`, `wasi:http/proxy`, ...) without touching the disk.
//!
//! The declarations match the published 0.2.0 release; the doc comments are
//! knit's own. See `README.md` next to this crate for origin and licence.
//!
//! ```
//! let cli = knit_wasi_wit::package("wasi:cli").unwrap();
//! assert_eq!(cli.name, "wasi:cli@0.2.0");
//! assert!(cli.files.iter().any(|(file, _)| *file == "command.wit"));
//! ```
//!
//! [`PACKAGES`] is ordered so that pushing the packages one after another into a
//! `wit_parser::Resolve` always finds each dependency already present.

/// One WIT package: `name` like "wasi:io@0.2.0", `dir` like "io", files as (file name, WIT source).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Package {
    /// Full package name with version, e.g. `"wasi:io@0.2.0"`.
    pub name: &'static str,
    /// Directory under `wit/` holding the package, e.g. `"io"`.
    pub dir: &'static str,
    /// The package's files, sorted by name: (file name, WIT source text).
    pub files: &'static [(&'static str, &'static str)],
}

impl Package {
    /// The `namespace:name` part of [`Package::name`], without the version.
    pub fn unversioned_name(&self) -> &'static str {
        match self.name.split_once('@') {
            Some((base, _)) => base,
            None => self.name,
        }
    }
}

/// The WASI version these packages carry: "0.2.0".
pub const VERSION: &str = "0.2.0";

/// Builds a `files` table: each name is embedded from `wit/<dir>/<name>`.
macro_rules! wit_files {
    ($dir:literal: $($file:literal),+ $(,)?) => {
        &[$(($file, include_str!(concat!("../wit/", $dir, "/", $file)))),+]
    };
}

/// Every package, dependencies before dependents (io, clocks, random, filesystem, sockets, cli, http).
pub static PACKAGES: &[Package] = &[
    Package {
        name: "wasi:io@0.2.0",
        dir: "io",
        files: wit_files!("io": "error.wit", "poll.wit", "streams.wit", "world.wit"),
    },
    Package {
        name: "wasi:clocks@0.2.0",
        dir: "clocks",
        files: wit_files!("clocks": "monotonic-clock.wit", "wall-clock.wit", "world.wit"),
    },
    Package {
        name: "wasi:random@0.2.0",
        dir: "random",
        files: wit_files!(
            "random": "insecure-seed.wit",
            "insecure.wit",
            "random.wit",
            "world.wit",
        ),
    },
    Package {
        name: "wasi:filesystem@0.2.0",
        dir: "filesystem",
        files: wit_files!("filesystem": "preopens.wit", "types.wit", "world.wit"),
    },
    Package {
        name: "wasi:sockets@0.2.0",
        dir: "sockets",
        files: wit_files!(
            "sockets": "instance-network.wit",
            "ip-name-lookup.wit",
            "network.wit",
            "tcp-create-socket.wit",
            "tcp.wit",
            "udp-create-socket.wit",
            "udp.wit",
            "world.wit",
        ),
    },
    Package {
        name: "wasi:cli@0.2.0",
        dir: "cli",
        files: wit_files!(
            "cli": "command.wit",
            "environment.wit",
            "exit.wit",
            "imports.wit",
            "run.wit",
            "stdio.wit",
            "terminal.wit",
        ),
    },
    Package {
        name: "wasi:http@0.2.0",
        dir: "http",
        files: wit_files!("http": "handler.wit", "proxy.wit", "types.wit"),
    },
];

/// Looks a package up by "namespace:name" (any version) or full "wasi:io@0.2.0".
///
/// A name without a version matches whichever version is shipped; a name with a
/// version matches only if that version is exactly [`VERSION`].
pub fn package(name: &str) -> Option<&'static Package> {
    let name = name.trim();
    PACKAGES.iter().find(|pkg| {
        if name.contains('@') {
            pkg.name == name
        } else {
            pkg.unversioned_name() == name
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn wit_root() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/wit"))
    }

    #[test]
    fn packages_list_every_wit_file_on_disk() {
        let mut on_disk = BTreeSet::new();
        for dir in std::fs::read_dir(wit_root()).unwrap() {
            let dir = dir.unwrap();
            assert!(
                dir.file_type().unwrap().is_dir(),
                "stray file {:?}",
                dir.path()
            );
            for file in std::fs::read_dir(dir.path()).unwrap() {
                let file = file.unwrap();
                let dir_name = dir.file_name().into_string().unwrap();
                let file_name = file.file_name().into_string().unwrap();
                on_disk.insert((dir_name, file_name));
            }
        }
        let listed: BTreeSet<(String, String)> = PACKAGES
            .iter()
            .flat_map(|pkg| {
                pkg.files
                    .iter()
                    .map(|(f, _)| (pkg.dir.to_string(), f.to_string()))
            })
            .collect();
        assert_eq!(listed, on_disk);
    }

    #[test]
    fn embedded_text_matches_the_file_on_disk() {
        for pkg in PACKAGES {
            for (file, text) in pkg.files {
                let path = wit_root().join(pkg.dir).join(file);
                assert_eq!(std::fs::read_to_string(&path).unwrap(), *text, "{path:?}");
            }
        }
    }

    #[test]
    fn files_are_sorted_and_declare_their_package() {
        for pkg in PACKAGES {
            let names: Vec<_> = pkg.files.iter().map(|(f, _)| *f).collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            assert_eq!(names, sorted, "{}", pkg.name);
            for (file, text) in pkg.files {
                let header = format!("package {};", pkg.name);
                assert!(
                    text.starts_with(&header),
                    "{}/{file} lacks `{header}`",
                    pkg.dir
                );
            }
        }
    }

    #[test]
    fn names_dirs_and_version_agree() {
        let expected = [
            "io",
            "clocks",
            "random",
            "filesystem",
            "sockets",
            "cli",
            "http",
        ];
        let dirs: Vec<_> = PACKAGES.iter().map(|p| p.dir).collect();
        assert_eq!(dirs, expected);
        for pkg in PACKAGES {
            assert_eq!(pkg.name, format!("wasi:{}@{VERSION}", pkg.dir));
        }
    }

    #[test]
    fn lookup_by_short_or_full_name() {
        assert_eq!(package("wasi:io").unwrap().dir, "io");
        assert_eq!(package("wasi:http@0.2.0").unwrap().dir, "http");
        assert_eq!(package(" wasi:cli ").unwrap().dir, "cli");
        assert!(package("wasi:http@0.2.1").is_none());
        assert!(package("wasi:nn").is_none());
        assert!(package("io").is_none());
        assert!(package("").is_none());
    }
}
