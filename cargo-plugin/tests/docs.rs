//! # The guides are programs
//!
//! Every fenced code block in `README.md` and in every `.md` file under `docs/` says in its info
//! string how it is checked, and this test checks it that way, so a guide that goes stale fails
//! the test suite. A block without an annotation, or with one this test does not know, fails with
//! its file and line. The annotation follows the language, separated by commas:
//!
//! | info string | what the test does |
//! | --- | --- |
//! | `wit` | loads the WIT with knit's loader (with the blocks it names in `uses=`), selects every world it defines and runs knit's support check on each |
//! | `toml` | parses it as TOML |
//! | `rust,check=guest` | compiles it as `src/lib.rs` (or `src/main.rs` when it has `fn main`) of a guest crate for `wasm32-wasip2`, with the WIT of the nearest `wit` block above it in the same file (or the blocks named in `wit=`) in the crate's folder |
//! | `rust,check=host` | compiles it the same way as a wasmtime host crate, for the machine's own target |
//! | `go,check=go` | builds it with `knit build-go` as `main.go` of a Go module with its WIT; the module path is what its imports put before `/bindings/` |
//! | `sh,check=cli` | validates every `knit ...` and `cargo knit ...` command against knit's own argument parser (an unknown subcommand, flag or value fails), every other `cargo` command's flags against `cargo <subcommand> --help`, and that the script of every `bash <file>` exists; other commands are not checked |
//! | `js,check=node` | `node --check` (syntax only) |
//! | `wac` | composes the script with `knit compose --wac`, each `new ns:name` being the component of the Rust or Go block named `name` |
//! | `text,check=output` | runs something and compares its standard output with the block (trailing spaces aside): `host=H,guest=G` runs host block `H` with guest `G`'s component as its argument; `component=C` runs block `C`'s component with `knit run`; `compose=ROOT+PLUG+...` composes components with `knit compose` and runs the result with `knit run`; `wac=W` runs the composition of `wac` block `W`; with `args=...` (program arguments) or `invoke=CALL` (`knit run --invoke`); `explain=ROOT+PLUG+...` compares `knit compose --explain` |
//! | `LANG,check=none,reason=...` | nothing; the reason is required (output samples that cannot be produced here, diagrams, other tools' code) |
//!
//! More keys: `name=` names a block so others can refer to it (names are global across the docs);
//! a `wit` block's `file=` says where it lies relative to the crate or module folder (default
//! `wit/world.wit`, or `wit/deps/<name>/<name>.wit` when it is only pulled in by `uses=`), so a guide
//! can show a WIT folder shared by two crates (`file=../wit/greet.wit`); `manifest=` on a Rust block
//! names the `toml` block to use as its `Cargo.toml` (knit's own crates in it are pointed at this
//! checkout, `workspace = true` dependencies resolve to the versions knit's workspace uses);
//! `bindgen` on a Rust block runs `knit bindgen rust` (or `host`) into its `src/` first, for guides
//! about checked-in bindings; `world=` picks the world of a Go block. `reason=` and `invoke=` take the
//! rest of the info string, commas included.
//!
//! Speed: every Rust block becomes one crate of a single generated workspace in
//! `<target dir>/knit-docs/rust/`, and all guest crates are compiled by one
//! `cargo build --target wasm32-wasip2 --keep-going` (the hosts by a second, native one) into the
//! shared target directory `<target dir>/knit-docs/target`, where `<target dir>` is the one the
//! `knit` binary under test was built in. Files are rewritten only when their contents change, so a
//! warm run recompiles only the blocks that changed (a few seconds in all); the first run compiles
//! wasmtime for the host blocks. A compiler error is reported with the Markdown file and line of the
//! block it comes from.

use anyhow::{Context, Result, anyhow, bail};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

#[path = "docs/build.rs"]
mod build;
#[path = "docs/shell.rs"]
mod shell;

// ---------------------------------------------------------------------------------------------
// Reading the docs
// ---------------------------------------------------------------------------------------------

/// How a block is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    Wit,
    Toml,
    Guest,
    Host,
    Go,
    Cli,
    Node,
    Wac,
    Output,
    None,
}

impl Check {
    fn parse(value: &str) -> Option<Check> {
        Some(match value {
            "wit" => Check::Wit,
            "toml" => Check::Toml,
            "guest" => Check::Guest,
            "host" => Check::Host,
            "go" => Check::Go,
            "cli" => Check::Cli,
            "node" => Check::Node,
            "wac" => Check::Wac,
            "output" => Check::Output,
            "none" => Check::None,
            _ => return None,
        })
    }

    /// The check a language gets without `check=`, if any.
    fn default_for(lang: &str) -> Option<Check> {
        match lang {
            "wit" => Some(Check::Wit),
            "toml" => Some(Check::Toml),
            "wac" => Some(Check::Wac),
            _ => None,
        }
    }

    /// The languages this check applies to (`None`: any).
    fn languages(self) -> Option<&'static [&'static str]> {
        Some(match self {
            Check::Wit => &["wit"],
            Check::Toml => &["toml"],
            Check::Guest | Check::Host => &["rust"],
            Check::Go => &["go"],
            Check::Cli => &["sh", "bash", "shell"],
            Check::Node => &["js", "javascript"],
            Check::Wac => &["wac"],
            Check::Output => &["text"],
            Check::None => return None,
        })
    }

    /// The keys this check accepts besides `check` (and whether each is a bare flag).
    fn keys(self) -> &'static [(&'static str, bool)] {
        match self {
            Check::Wit => &[("name", false), ("file", false), ("uses", false)],
            Check::Toml => &[("name", false)],
            Check::Guest => &[
                ("name", false),
                ("wit", false),
                ("manifest", false),
                ("bindgen", true),
            ],
            Check::Host => &[
                ("name", false),
                ("wit", false),
                ("manifest", false),
                ("bindgen", true),
            ],
            Check::Go => &[("name", false), ("wit", false), ("world", false)],
            Check::Cli | Check::Node => &[],
            Check::Wac => &[("name", false)],
            Check::Output => &[
                ("host", false),
                ("guest", false),
                ("compose", false),
                ("explain", false),
                ("wac", false),
                ("component", false),
                ("args", false),
                ("invoke", false),
            ],
            Check::None => &[("reason", false)],
        }
    }
}

/// One fenced code block.
#[derive(Debug, Clone)]
struct Block {
    /// The Markdown file, relative to the repository (`docs/rust-hosts.md`).
    file: String,
    /// The line of the opening fence, counting from 1.
    line: usize,
    check: Check,
    attrs: BTreeMap<String, String>,
    code: String,
}

impl Block {
    fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).map(String::as_str)
    }

    /// A `+`-separated list attribute.
    fn list(&self, key: &str) -> Vec<String> {
        self.attr(key)
            .map(|v| {
                v.split('+')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cargo-plugin lives in the repository")
        .to_path_buf()
}

/// README.md and every `.md` file under `docs/` (not inside examples' dependency folders).
fn doc_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "node_modules" || name == "target" {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else if name.ends_with(".md") {
                out.push(path);
            }
        }
    }
    let root = repo_root();
    let mut files = vec![root.join("README.md")];
    walk(&root.join("docs"), &mut files);
    files.sort();
    files
}

/// Keys whose value is the rest of the info string, commas included (so they come last).
const REST_KEYS: &[&str] = &["reason", "invoke"];

/// Reads a block's info string: `lang[,key[=value]]*`; `reason=` and `invoke=` take the rest of
/// the string.
fn parse_info(info: &str) -> Result<(String, Check, BTreeMap<String, String>), String> {
    let rest = REST_KEYS
        .iter()
        .filter_map(|k| info.find(&format!(",{k}=")).map(|i| (i, *k)))
        .min();
    let (head, rest) = match rest {
        Some((i, key)) => (&info[..i], Some((key, info[i + key.len() + 2..].trim()))),
        None => (info, None),
    };
    let mut items = head.split(',').map(str::trim);
    let lang = items.next().unwrap_or("").to_string();
    if lang.is_empty() {
        return Err("a code block without a language and a `check=` annotation".into());
    }
    let mut attrs = BTreeMap::new();
    for item in items {
        if item.is_empty() {
            continue;
        }
        let (key, value) = match item.split_once('=') {
            Some((k, v)) => (k.trim().to_string(), Some(v.trim().to_string())),
            None => (item.to_string(), None),
        };
        if attrs.contains_key(&key) {
            return Err(format!("`{key}` is given twice"));
        }
        attrs.insert(key, value.unwrap_or_default());
    }
    if let Some((key, value)) = rest {
        attrs.insert(key.into(), value.to_string());
    }
    let check = match attrs.remove("check") {
        Some(value) => Check::parse(&value).ok_or_else(|| {
            format!(
                "unknown `check={value}`; the checks are wit, toml, guest, host, go, cli, node, \
                 wac, output and none"
            )
        })?,
        None => Check::default_for(&lang).ok_or_else(|| {
            format!(
                "```{lang} has no `check=` annotation; say how the block is checked, e.g. \
                 ```{lang},check=none,reason=<why it is not checked>"
            )
        })?,
    };
    if let Some(languages) = check.languages()
        && !languages.contains(&lang.as_str())
    {
        return Err(format!(
            "`check=` of a ```{lang} block; this check is for {}",
            languages.join(", ")
        ));
    }
    for (key, value) in &attrs {
        match check.keys().iter().find(|(k, _)| k == key) {
            None => {
                let valid: Vec<&str> = check.keys().iter().map(|(k, _)| *k).collect();
                return Err(format!(
                    "unknown annotation `{key}` for this check (valid: check{})",
                    valid.iter().map(|k| format!(", {k}")).collect::<String>()
                ));
            }
            Some((_, true)) if !value.is_empty() => {
                return Err(format!("`{key}` is a flag and takes no value"));
            }
            Some((_, false)) if value.is_empty() => {
                return Err(format!("`{key}` needs a value: `{key}=...`"));
            }
            _ => {}
        }
    }
    if check == Check::None && attrs.get("reason").is_none_or(|r| r.is_empty()) {
        return Err("`check=none` needs a reason: `check=none,reason=<why>`".into());
    }
    Ok((lang, check, attrs))
}

/// Every fenced block of one Markdown file, and the errors of its info strings.
fn parse_markdown(file: &str, text: &str) -> (Vec<Block>, Vec<String>) {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let fence_char = match trimmed.chars().next() {
            Some(c @ ('`' | '~')) => c,
            _ => {
                i += 1;
                continue;
            }
        };
        let fence_len = trimmed.chars().take_while(|&c| c == fence_char).count();
        if fence_len < 3 {
            i += 1;
            continue;
        }
        let info = trimmed[fence_len..].trim();
        let start = i + 1;
        let mut end = start;
        while end < lines.len() {
            let t = lines[end].trim_start();
            let n = t.chars().take_while(|&c| c == fence_char).count();
            if n >= fence_len && t[n..].trim().is_empty() {
                break;
            }
            end += 1;
        }
        if end == lines.len() {
            errors.push(format!("{file}:{}: a code block is never closed", i + 1));
        }
        let code: String = lines[start..end.min(lines.len())]
            .iter()
            .map(|l| {
                let strip = l.len() - l.trim_start().len();
                format!("{}\n", &l[strip.min(indent)..])
            })
            .collect();
        match parse_info(info) {
            Ok((_, check, attrs)) => blocks.push(Block {
                file: file.to_string(),
                line: i + 1,
                check,
                attrs,
                code,
            }),
            Err(e) => errors.push(format!("{file}:{}: {e}", i + 1)),
        }
        i = end + 1;
    }
    (blocks, errors)
}

/// Every block of every doc, with the names resolved; errors name file and line.
struct Docs {
    blocks: Vec<Block>,
    /// Block index by `name=`.
    names: BTreeMap<String, usize>,
}

fn docs() -> &'static Result<Docs, String> {
    static DOCS: OnceLock<Result<Docs, String>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let root = repo_root();
        let mut blocks = Vec::new();
        let mut errors = Vec::new();
        for path in doc_files() {
            let rel = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let text = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) => {
                    errors.push(format!("{rel}: {e}"));
                    continue;
                }
            };
            let (mut b, e) = parse_markdown(&rel, &text);
            blocks.append(&mut b);
            errors.extend(e);
        }
        let mut names = BTreeMap::new();
        for (i, block) in blocks.iter().enumerate() {
            if let Some(name) = block.attr("name") {
                if let Some(&other) = names.get(name) {
                    let other: &Block = &blocks[other];
                    errors.push(format!(
                        "{}: the name `{name}` is taken by the block at {}",
                        block.at(),
                        other.at()
                    ));
                } else {
                    names.insert(name.to_string(), i);
                }
            }
        }
        let docs = Docs { blocks, names };
        for block in &docs.blocks {
            for key in [
                "wit",
                "uses",
                "manifest",
                "host",
                "guest",
                "compose",
                "explain",
                "wac",
                "component",
            ] {
                for name in block.list(key) {
                    if !docs.names.contains_key(&name) {
                        errors.push(format!(
                            "{}: `{key}=` names `{name}`, but no block is named so",
                            block.at()
                        ));
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(docs)
        } else {
            Err(errors.join("\n"))
        }
    })
}

fn the_docs() -> &'static Docs {
    match docs() {
        Ok(docs) => docs,
        Err(e) => panic!("the docs' code blocks are not all annotated correctly:\n{e}"),
    }
}

impl Docs {
    fn named(&self, name: &str) -> &Block {
        &self.blocks[self.names[name]]
    }

    fn of(&self, check: Check) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.check == check)
    }

    /// The WIT files a block is built against, relative to its crate or module folder: the
    /// blocks named in `wit=` (else the nearest `wit` block above it in the same file) at their
    /// `file=`, and every block they name in `uses=`, transitively. Also returns the file of the
    /// first of them, whose folder is the main WIT input.
    fn wit_tree(&'static self, block: &Block) -> Result<WitTree> {
        let primary: Vec<&'static Block> = if block.attrs.contains_key("wit") {
            block.list("wit").iter().map(|n| self.named(n)).collect()
        } else if block.check == Check::Wit {
            vec![self.same(block)]
        } else {
            let above = self
                .blocks
                .iter()
                .rev()
                .find(|b| b.file == block.file && b.line < block.line && b.check == Check::Wit)
                .with_context(|| {
                    format!(
                        "{}: no ```wit block above it in its file and no `wit=`",
                        block.at()
                    )
                })?;
            vec![above]
        };
        let mut files: BTreeMap<String, &'static Block> = BTreeMap::new();
        let mut place = |file: String, wit: &'static Block| -> Result<()> {
            if file.starts_with("../..") || file.starts_with('/') {
                bail!("{}: `file={file}` leaves the block's folder", wit.at());
            }
            if let Some(other) = files.get(&file) {
                if other.at() != wit.at() {
                    bail!(
                        "{}: the WIT blocks at {} and {} both go to `{file}`; give one a `file=`",
                        block.at(),
                        other.at(),
                        wit.at()
                    );
                }
                return Ok(());
            }
            files.insert(file, wit);
            Ok(())
        };
        let mut first = None;
        let mut queue: Vec<&'static Block> = Vec::new();
        for wit in primary {
            let file = wit.attr("file").unwrap_or("wit/world.wit").to_string();
            first.get_or_insert_with(|| file.clone());
            place(file, wit)?;
            queue.push(wit);
        }
        let mut seen = BTreeSet::new();
        while let Some(wit) = queue.pop() {
            if !seen.insert(wit.at()) {
                continue;
            }
            for name in wit.list("uses") {
                let used = self.named(&name);
                let file = used
                    .attr("file")
                    .map(String::from)
                    .unwrap_or_else(|| format!("wit/deps/{name}/{name}.wit"));
                place(file, used)?;
                queue.push(used);
            }
        }
        Ok(WitTree {
            first: first.unwrap_or_else(|| "wit/world.wit".into()),
            files,
        })
    }

    /// The same block, borrowed from the process-wide docs.
    fn same(&'static self, block: &Block) -> &'static Block {
        self.blocks
            .iter()
            .find(|b| b.at() == block.at())
            .expect("a block of the docs")
    }
}

/// The WIT files of a crate or module, by path relative to its folder.
struct WitTree {
    /// The file of the first block the crate names; its folder is the main WIT input.
    first: String,
    files: BTreeMap<String, &'static Block>,
}

impl WitTree {
    /// The folders to hand knit's loader: the folder of the first file, then every other folder
    /// that is not a `deps/` folder inside it (the loader finds those itself).
    fn roots(&self) -> Vec<String> {
        let dir_of = |file: &str| -> String {
            Path::new(file)
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let main = dir_of(&self.first);
        let mut roots = vec![main.clone()];
        for file in self.files.keys() {
            let dir = dir_of(file);
            if dir == main || dir.starts_with(&format!("{main}/deps/")) || roots.contains(&dir) {
                continue;
            }
            roots.push(dir);
        }
        roots
    }
}

// ---------------------------------------------------------------------------------------------
// Where the checks build
// ---------------------------------------------------------------------------------------------

/// `<target dir>/knit-docs`: the target dir is the one the `knit` binary under test was built in.
fn work_dir() -> PathBuf {
    let knit = Path::new(env!("CARGO_BIN_EXE_knit"));
    knit.parent()
        .and_then(Path::parent)
        .map(|target| target.join("knit-docs"))
        .unwrap_or_else(|| repo_root().join("target/knit-docs"))
}

fn knit() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_knit"));
    command.env_remove("RUST_BACKTRACE");
    command
}

/// `path` with `.` and `name/..` removed, without touching the file system.
fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Writes `files` under `dir`, touching only files whose contents change (so cargo rebuilds only
/// what changed), and deletes every other file under `dir` except those `keep` accepts.
fn sync_dir(dir: &Path, files: &BTreeMap<PathBuf, Vec<u8>>, keep: &dyn Fn(&Path) -> bool) {
    let files: BTreeMap<PathBuf, Vec<u8>> = files
        .iter()
        .map(|(rel, contents)| (clean(rel), contents.clone()))
        .collect();
    let files = &files;
    for (rel, contents) in files {
        let path = dir.join(rel);
        if std::fs::read(&path).ok().as_deref() != Some(contents.as_slice()) {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, contents).unwrap();
        }
    }
    fn prune(
        root: &Path,
        dir: &Path,
        files: &BTreeMap<PathBuf, Vec<u8>>,
        keep: &dyn Fn(&Path) -> bool,
    ) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if keep(&rel) {
                continue;
            }
            if path.is_dir() {
                prune(root, &path, files, keep);
                let _ = std::fs::remove_dir(&path);
            } else if !files.contains_key(&rel) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    prune(dir, dir, files, keep);
}

/// A file stem for generated names: `docs/coming-from/wac.md` → `coming-from-wac`.
fn stem(file: &str) -> String {
    file.trim_start_matches("docs/")
        .trim_end_matches(".md")
        .replace('/', "-")
        .to_lowercase()
}

/// The language-ordinal name of a block: its `name=` or `<file stem>-<n>`.
fn crate_names(docs: &Docs, checks: &[Check]) -> BTreeMap<(String, usize), String> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    let mut names = BTreeMap::new();
    for block in docs.blocks.iter().filter(|b| checks.contains(&b.check)) {
        let n = count.entry(block.file.clone()).or_default();
        *n += 1;
        names.insert(
            (block.file.clone(), block.line),
            format!("doc-{}-{n}", stem(&block.file)),
        );
    }
    names
}

/// Serializes the slow checks (one build at a time on a shared machine).
static BUILDING: Mutex<()> = Mutex::new(());

// ---------------------------------------------------------------------------------------------
// The quick checks
// ---------------------------------------------------------------------------------------------

#[test]
fn every_code_block_says_how_it_is_checked() {
    let docs = the_docs();
    assert!(
        docs.blocks.len() > 20,
        "found only {} code blocks; is the Markdown reader broken?",
        docs.blocks.len()
    );
    // Every check that needs a counterpart has one.
    let mut errors = Vec::new();
    for block in &docs.blocks {
        match block.check {
            Check::Output => {
                let kinds = ["host", "compose", "explain", "wac", "component"]
                    .iter()
                    .filter(|k| block.attrs.contains_key(**k))
                    .count();
                if kinds != 1 {
                    errors.push(format!(
                        "{}: an output block runs exactly one of host=, compose=, explain=, wac=, \
                         component=",
                        block.at()
                    ));
                }
                if block.attrs.contains_key("invoke")
                    && (block.attrs.contains_key("args")
                        || block.attrs.contains_key("host")
                        || block.attrs.contains_key("explain"))
                {
                    errors.push(format!(
                        "{}: `invoke=` calls an export of a component, composed or not; it goes \
                         without args=, host= and explain=",
                        block.at()
                    ));
                }
                if block.attrs.contains_key("host") != block.attrs.contains_key("guest") {
                    errors.push(format!("{}: `host=` goes with `guest=`", block.at()));
                }
            }
            Check::Guest | Check::Host | Check::Go => {
                if let Err(e) = docs.wit_tree(block) {
                    errors.push(format!("{e:#}"));
                }
            }
            _ => {}
        }
        for key in ["manifest"] {
            if let Some(name) = block.attr(key)
                && docs.named(name).check != Check::Toml
            {
                errors.push(format!(
                    "{}: `{key}={name}` is not a toml block",
                    block.at()
                ));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn wit_blocks_load() {
    let docs = the_docs();
    let mut errors = Vec::new();
    for block in docs.of(Check::Wit) {
        if let Err(e) = check_wit(docs, block) {
            errors.push(format!("{}: {e:#}", block.at()));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

/// Loads a WIT block (with what it `uses`) and every world it defines, with knit's loader and its
/// support check.
fn check_wit(docs: &'static Docs, block: &Block) -> Result<()> {
    let dir = tempfile::tempdir()?;
    let base = dir.path().join("pkg");
    let tree = docs.wit_tree(block)?;
    for (file, wit) in &tree.files {
        let path = base.join(file);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(&path, &wit.code)?;
    }
    let roots = tree.roots();
    let source = |world: Option<String>| knit_bindgen_core::WitSource {
        paths: roots.iter().map(|r| base.join(r)).collect(),
        world,
        ..Default::default()
    };
    let worlds = match knit_bindgen_core::load(&source(None)) {
        Ok(loaded) => vec![loaded],
        Err(knit_bindgen_core::LoadError::NoWorld { .. }) => Vec::new(),
        Err(knit_bindgen_core::LoadError::AmbiguousWorld { matches, .. }) => matches
            .iter()
            .map(|w| knit_bindgen_core::load(&source(Some(w.clone()))))
            .collect::<Result<_, _>>()?,
        Err(e) => return Err(e.into()),
    };
    for loaded in worlds {
        knit_bindgen_core::walk::check_supported(&loaded.resolve, loaded.world)
            .map_err(|e| anyhow!("{e}"))?;
    }
    Ok(())
}

#[test]
fn toml_blocks_parse() {
    let docs = the_docs();
    let mut errors = Vec::new();
    for block in docs.of(Check::Toml) {
        if let Err(e) = block.code.parse::<toml::Table>() {
            errors.push(format!("{}: {e}", block.at()));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

#[test]
fn javascript_blocks_parse() {
    let docs = the_docs();
    let blocks: Vec<&Block> = docs.of(Check::Node).collect();
    if blocks.is_empty() {
        return;
    }
    let node = std::env::var_os("KNIT_NODE").unwrap_or_else(|| "node".into());
    let dir = tempfile::tempdir().unwrap();
    let mut errors = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let path = dir.path().join(format!("block{i}.mjs"));
        std::fs::write(&path, &block.code).unwrap();
        match Command::new(&node).arg("--check").arg(&path).output() {
            Ok(out) if out.status.success() => {}
            Ok(out) => errors.push(format!(
                "{}: node --check failed:\n{}",
                block.at(),
                String::from_utf8_lossy(&out.stderr)
            )),
            Err(e) => errors.push(format!(
                "{}: cannot run `{}` to check JavaScript ({e}); install Node.js 20+ or set KNIT_NODE",
                block.at(),
                node.to_string_lossy()
            )),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}
