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
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};

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

// ---------------------------------------------------------------------------------------------
// Shell blocks against the real command lines
// ---------------------------------------------------------------------------------------------

/// Splits a shell script into simple commands (words), following quotes, comments, line
/// continuations, `&&`, `||`, `;`, `|` and redirections. Enough for the commands guides show.
fn shell_commands(script: &str) -> Vec<Vec<String>> {
    let script = script.replace("\\\n", " ");
    let mut commands = Vec::new();
    for line in script.lines() {
        let mut words: Vec<String> = Vec::new();
        let mut word = String::new();
        let mut in_word = false;
        let mut chars = line.chars().peekable();
        let mut skip_next_word = false;
        let flush =
            |word: &mut String, in_word: &mut bool, words: &mut Vec<String>, skip: &mut bool| {
                if *in_word {
                    if *skip {
                        *skip = false;
                    } else {
                        words.push(std::mem::take(word));
                    }
                    word.clear();
                    *in_word = false;
                }
            };
        while let Some(c) = chars.next() {
            match c {
                '\'' => {
                    in_word = true;
                    for c in chars.by_ref() {
                        if c == '\'' {
                            break;
                        }
                        word.push(c);
                    }
                }
                '"' => {
                    in_word = true;
                    while let Some(c) = chars.next() {
                        match c {
                            '"' => break,
                            '\\' => {
                                if let Some(c) = chars.next() {
                                    word.push(c);
                                }
                            }
                            c => word.push(c),
                        }
                    }
                }
                '#' if !in_word => break,
                ' ' | '\t' => flush(&mut word, &mut in_word, &mut words, &mut skip_next_word),
                ';' | '&' | '|' => {
                    flush(&mut word, &mut in_word, &mut words, &mut skip_next_word);
                    while chars.peek().is_some_and(|c| matches!(c, '&' | '|')) {
                        chars.next();
                    }
                    if !words.is_empty() {
                        commands.push(std::mem::take(&mut words));
                    }
                }
                '>' | '<' => {
                    // `2>` and `>>` and `>file`: drop the redirection and its target.
                    if in_word && word.chars().all(|c| c.is_ascii_digit()) {
                        word.clear();
                        in_word = false;
                    } else {
                        flush(&mut word, &mut in_word, &mut words, &mut skip_next_word);
                    }
                    while chars.peek().is_some_and(|c| matches!(c, '>' | '&')) {
                        chars.next();
                    }
                    skip_next_word = true;
                }
                c => {
                    in_word = true;
                    word.push(c);
                }
            }
        }
        flush(&mut word, &mut in_word, &mut words, &mut skip_next_word);
        if !words.is_empty() {
            commands.push(words);
        }
    }
    // Leading `NAME=value` assignments belong to the environment, not the command.
    for words in &mut commands {
        while words.first().is_some_and(|w| {
            w.split_once('=').is_some_and(|(name, _)| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
        }) {
            words.remove(0);
        }
    }
    commands.retain(|w| !w.is_empty());
    commands
}

/// The long and short flags a `--help` text lists.
fn help_flags(help: &str) -> BTreeSet<String> {
    let mut flags = BTreeSet::new();
    for token in help.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']') {
        let token = token.split(['=', '<', '.']).next().unwrap_or("");
        let is_long = token.starts_with("--") && token.len() > 2;
        let is_short = token.len() == 2 && token.starts_with('-') && token != "--";
        if is_long || is_short {
            flags.insert(token.to_string());
        }
    }
    flags
}

/// `cargo <sub> --help`'s flags, cached per subcommand.
fn cargo_flags(sub: &str) -> Result<BTreeSet<String>, String> {
    static CACHE: Mutex<BTreeMap<String, Result<BTreeSet<String>, String>>> =
        Mutex::new(BTreeMap::new());
    let mut cache = CACHE.lock().unwrap();
    cache
        .entry(sub.to_string())
        .or_insert_with(|| {
            let cargo = knit_guest_build::toolchain::rust::cargo();
            match Command::new(cargo).args([sub, "--help"]).output() {
                Ok(out) if out.status.success() => {
                    Ok(help_flags(&String::from_utf8_lossy(&out.stdout)))
                }
                Ok(out) => Err(format!(
                    "`cargo {sub} --help` failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                )),
                Err(e) => Err(format!("cannot run cargo: {e}")),
            }
        })
        .clone()
}

/// Checks cargo arguments (before any `--`) against `cargo <sub> --help`.
fn check_cargo_args(sub: &str, args: &[String]) -> Result<(), String> {
    let flags = cargo_flags(sub)?;
    for arg in args.iter().take_while(|a| *a != "--") {
        if let Some(long) = arg.strip_prefix("--") {
            let name = format!("--{}", long.split('=').next().unwrap_or(""));
            if !flags.contains(&name) {
                return Err(format!("`cargo {sub}` has no flag `{name}`"));
            }
        } else if let Some(shorts) = arg.strip_prefix('-') {
            for c in shorts.chars().take_while(char::is_ascii_alphabetic) {
                if !flags.contains(&format!("-{c}")) {
                    return Err(format!("`cargo {sub}` has no flag `-{c}`"));
                }
            }
        }
    }
    Ok(())
}

/// Checks one shell command of a guide.
fn check_command(words: &[String]) -> Result<(), String> {
    let args_before_dashdash = |from: usize| -> Vec<String> {
        words[from..]
            .iter()
            .take_while(|w| *w != "--")
            .cloned()
            .collect()
    };
    match words[0].as_str() {
        "knit" => {
            // knit's own parser, with `--help` appended: clap rejects an unknown flag or value
            // before it sees `--help`, and prints the help instead of running anything otherwise.
            let mut args = args_before_dashdash(1);
            args.push("--help".into());
            let out = knit()
                .args(&args)
                .stdin(Stdio::null())
                .output()
                .map_err(|e| e.to_string())?;
            if !out.status.success() {
                return Err(format!(
                    "knit rejects it:\n{}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
            Ok(())
        }
        "cargo" if words.get(1).is_some_and(|w| w == "knit") => {
            use knit_cli::cargo::{CargoCli, Knit};
            let mut args = vec!["cargo".to_string()];
            args.extend(args_before_dashdash(1));
            let cli = match <CargoCli as clap::Parser>::try_parse_from(&args) {
                Ok(cli) => cli,
                Err(e)
                    if matches!(
                        e.kind(),
                        clap::error::ErrorKind::DisplayHelp
                            | clap::error::ErrorKind::DisplayVersion
                    ) =>
                {
                    return Ok(());
                }
                Err(e) => return Err(format!("cargo knit rejects it:\n{}", e.render())),
            };
            let CargoCli::Knit(sub) = cli;
            // What knit passes on to cargo must be cargo's.
            let (sub, passed) = match sub {
                Knit::Build { args } => ("build", args),
                Knit::Check { args } => ("check", args),
                Knit::Clippy { args } => ("check", args),
                Knit::Run { args, .. } => ("build", args),
                Knit::Compose { args, .. } => ("build", args),
                Knit::Wit { args, .. } => ("build", args),
                _ => ("build", Vec::new()),
            };
            check_cargo_args(sub, &passed).map_err(|e| format!("{e} (passed on by cargo knit)"))
        }
        "cargo" => {
            let Some(sub) = words.get(1) else {
                return Ok(());
            };
            if sub.starts_with('-') || sub == "+" || sub.starts_with('+') {
                return Ok(());
            }
            check_cargo_args(sub, &words[2..])
        }
        "bash" | "sh" => match words.get(1) {
            Some(script) if !script.starts_with('-') => {
                if repo_root().join(script).is_file() {
                    Ok(())
                } else {
                    Err(format!("`{script}` does not exist in the repository"))
                }
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

#[test]
fn shell_blocks_match_the_real_command_lines() {
    let docs = the_docs();
    let mut errors = Vec::new();
    let mut checked = 0;
    for block in docs.of(Check::Cli) {
        for words in shell_commands(&block.code) {
            checked += 1;
            if let Err(e) = check_command(&words) {
                errors.push(format!("{}: `{}`: {e}", block.at(), words.join(" ")));
            }
        }
    }
    assert!(checked > 10, "only {checked} commands found in the docs");
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

#[test]
fn the_shell_reader_and_flag_checks_work() {
    let commands = shell_commands(
        "FOO=1 cargo build --release  # comment\nknit run a.wasm -- x && cd y\nknit completions bash > f\necho 'a # b' \\\n  c",
    );
    assert_eq!(
        commands,
        vec![
            vec!["cargo", "build", "--release"],
            vec!["knit", "run", "a.wasm", "--", "x"],
            vec!["cd", "y"],
            vec!["knit", "completions", "bash"],
            vec!["echo", "a # b", "c"],
        ]
    );
    let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
    assert!(check_command(&words("knit bindgen rust wit --world w --out-dir src")).is_ok());
    assert!(check_command(&words("knit bindgen rust wit --no-such-flag")).is_err());
    assert!(check_command(&words("knit no-such-command")).is_err());
    assert!(check_command(&words("knit build-js a.js --engine nope -o x.wasm")).is_err());
    assert!(check_command(&words("cargo knit compose --run -- you")).is_ok());
    assert!(check_command(&words("cargo knit new x --no-such-flag")).is_err());
    assert!(check_command(&words("cargo knit build --release --no-such-flag")).is_err());
    assert!(check_command(&words("cargo build --target wasm32-wasip2 --release")).is_ok());
    assert!(check_command(&words("cargo build --no-such-flag")).is_err());
    assert!(check_command(&words("bash docs/no-such-script.sh")).is_err());
    // Annotations.
    assert!(parse_info("rust").is_err());
    assert!(parse_info("rust,check=nope").is_err());
    assert!(parse_info("text,check=none").is_err());
    assert!(parse_info("rust,check=guest,nope=1").is_err());
    assert!(parse_info("sh,check=guest").is_err());
    let (_, check, attrs) = parse_info("text,check=none,reason=a sample, with a comma").unwrap();
    assert_eq!(check, Check::None);
    assert_eq!(attrs["reason"], "a sample, with a comma");
    assert_eq!(parse_info("wit,name=w").unwrap().1, Check::Wit);
}

// ---------------------------------------------------------------------------------------------
// Rust, Go and WAC blocks: built, composed and run
// ---------------------------------------------------------------------------------------------

/// knit's own crates, by name, as paths in this checkout.
const KNIT_CRATES: &[(&str, &str)] = &[
    ("knit-rt", "wit-bindgen/rust-rt"),
    ("knit-macros", "macros"),
];

/// The crates a host block may use besides knit's (taken from the workspace's versions).
const HOST_DEPS: &[&str] = &["wasmtime", "wasmtime-wasi", "anyhow"];

/// The Cargo.toml of a Rust block's crate.
fn manifest(docs: &Docs, block: &Block, name: &str, is_bin: bool) -> Result<String> {
    let mut table: toml::Table = match block.attr("manifest") {
        Some(toml_name) => docs
            .named(toml_name)
            .code
            .parse()
            .with_context(|| format!("{}: its manifest does not parse", block.at()))?,
        None => {
            let mut deps = toml::Table::new();
            let workspace = || {
                let mut t = toml::Table::new();
                t.insert("workspace".into(), true.into());
                toml::Value::Table(t)
            };
            if block.check == Check::Host {
                deps.insert("knit-macros".into(), workspace());
                for dep in HOST_DEPS {
                    deps.insert((*dep).into(), workspace());
                }
            } else {
                deps.insert("knit-rt".into(), workspace());
            }
            let mut t = toml::Table::new();
            t.insert("package".into(), toml::Table::new().into());
            t.insert("dependencies".into(), deps.into());
            if block.check == Check::Guest && !is_bin {
                let mut lib = toml::Table::new();
                lib.insert(
                    "crate-type".into(),
                    vec![toml::Value::from("cdylib")].into(),
                );
                t.insert("lib".into(), lib.into());
            }
            t
        }
    };
    table.remove("workspace");
    let package = table
        .entry("package")
        .or_insert_with(|| toml::Table::new().into())
        .as_table_mut()
        .context("`package` is not a table")?;
    package.insert("name".into(), name.into());
    package.insert("publish".into(), false.into());
    package.entry("version").or_insert_with(|| "0.0.0".into());
    package.entry("edition").or_insert_with(|| "2024".into());
    // knit's crates come from this checkout.
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        let Some(deps) = table.get_mut(section).and_then(|d| d.as_table_mut()) else {
            continue;
        };
        for (dep, path) in KNIT_CRATES {
            if let Some(value) = deps.get_mut(*dep) {
                let mut spec = match value {
                    toml::Value::Table(t) => t.clone(),
                    _ => toml::Table::new(),
                };
                spec.remove("version");
                spec.remove("git");
                if spec.remove("workspace").is_none() {
                    spec.insert(
                        "path".into(),
                        repo_root().join(path).to_string_lossy().into_owned().into(),
                    );
                } else {
                    spec.insert("workspace".into(), true.into());
                }
                *value = spec.into();
            }
        }
    }
    Ok(toml::to_string(&table)?)
}

/// The docs workspace's root Cargo.toml: its members, knit's crates and the host crates at the
/// versions knit's own workspace uses, and knit's dev profile.
fn workspace_manifest(members: &[String]) -> Result<String> {
    let knit_manifest: toml::Table = std::fs::read_to_string(repo_root().join("Cargo.toml"))?
        .parse()
        .context("knit's Cargo.toml")?;
    let knit_deps = knit_manifest
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|d| d.as_table())
        .context("knit's [workspace.dependencies]")?;
    let mut deps = toml::Table::new();
    for (dep, path) in KNIT_CRATES {
        let mut spec = toml::Table::new();
        spec.insert(
            "path".into(),
            repo_root().join(path).to_string_lossy().into_owned().into(),
        );
        deps.insert((*dep).into(), spec.into());
    }
    for dep in HOST_DEPS {
        let spec = knit_deps
            .get(*dep)
            .with_context(|| format!("knit's workspace has no `{dep}`"))?;
        deps.insert((*dep).into(), spec.clone());
    }
    let mut workspace = toml::Table::new();
    workspace.insert("resolver".into(), "3".into());
    workspace.insert(
        "members".into(),
        members
            .iter()
            .map(|m| toml::Value::from(m.as_str()))
            .collect::<Vec<_>>()
            .into(),
    );
    workspace.insert("dependencies".into(), deps.into());
    let mut root = toml::Table::new();
    root.insert("workspace".into(), workspace.into());
    if let Some(profile) = knit_manifest.get("profile") {
        root.insert("profile".into(), profile.clone());
    }
    Ok(format!(
        "# Generated by cargo-plugin/tests/docs.rs from the Rust blocks of knit's docs; do not edit.\n{}",
        toml::to_string(&root)?
    ))
}

/// What one `cargo build` produced and said.
#[derive(Default)]
struct CargoResult {
    /// Artifacts by target name (`-` replaced with `_`): `.wasm` files, or host executables.
    artifacts: BTreeMap<String, PathBuf>,
    /// Error diagnostics by target name (`_` form).
    errors: BTreeMap<String, Vec<String>>,
    success: bool,
    stderr: String,
}

fn cargo_build(manifest: &Path, target: Option<&str>, packages: &[String]) -> Result<CargoResult> {
    let mut command = Command::new(knit_guest_build::toolchain::rust::cargo());
    command
        .args(["build", "--message-format=json", "--keep-going"])
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target-dir")
        .arg(work_dir().join("target"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(target) = target {
        knit_guest_build::toolchain::rust::ensure_target_installed(target)?;
        command.args(["--target", target]).env_remove("RUSTFLAGS");
    }
    for package in packages {
        command.args(["-p", package]);
    }
    let mut child = command.spawn().context("running cargo")?;
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let mut result = CargoResult::default();
    for message in cargo_metadata::Message::parse_stream(BufReader::new(stdout)) {
        match message? {
            cargo_metadata::Message::CompilerMessage(msg) => {
                use cargo_metadata::diagnostic::DiagnosticLevel;
                if matches!(
                    msg.message.level,
                    DiagnosticLevel::Error | DiagnosticLevel::Ice
                ) {
                    result
                        .errors
                        .entry(msg.target.name.replace('-', "_"))
                        .or_default()
                        .push(msg.message.rendered.unwrap_or(msg.message.message));
                }
            }
            cargo_metadata::Message::CompilerArtifact(artifact) => {
                let name = artifact.target.name.replace('-', "_");
                if let Some(exe) = &artifact.executable {
                    result
                        .artifacts
                        .insert(name, exe.clone().into_std_path_buf());
                } else if let Some(wasm) = artifact
                    .filenames
                    .iter()
                    .find(|f| f.extension() == Some("wasm"))
                {
                    result
                        .artifacts
                        .insert(name, wasm.clone().into_std_path_buf());
                }
            }
            _ => {}
        }
    }
    result.success = child.wait()?.success();
    result.stderr = stderr.join().unwrap_or_default();
    Ok(result)
}

/// Everything the slow check built, by block name.
#[derive(Default)]
struct Built {
    /// Guest components and host executables, by `name=`.
    outputs: BTreeMap<String, PathBuf>,
    errors: Vec<String>,
}

/// Writes the docs workspace and builds every Rust block: guests for `wasm32-wasip2` with one
/// cargo command, hosts natively with another.
fn build_rust(docs: &'static Docs, built: &mut Built) -> Result<()> {
    let root = work_dir().join("rust");
    let names = crate_names(docs, &[Check::Guest, Check::Host]);
    let mut files: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
    let mut members = Vec::new();
    // Blocks whose bindings `knit bindgen` writes: (crate folder, language, WIT roots).
    let mut bindgen = Vec::new();
    let mut crates: Vec<(&Block, String)> = Vec::new();
    for block in docs.of(Check::Guest).chain(docs.of(Check::Host)) {
        let name = names[&(block.file.clone(), block.line)].clone();
        let is_bin = block.code.contains("fn main(");
        let dir = PathBuf::from(&name);
        let pkg = dir.join("pkg");
        let tree = docs.wit_tree(block)?;
        for (file, wit) in &tree.files {
            files.insert(pkg.join(file), wit.code.clone().into_bytes());
        }
        let source = if is_bin { "src/main.rs" } else { "src/lib.rs" };
        files.insert(pkg.join(source), block.code.clone().into_bytes());
        files.insert(
            pkg.join("Cargo.toml"),
            manifest(docs, block, &name, is_bin)?.into_bytes(),
        );
        if block.attrs.contains_key("bindgen") {
            let language = if block.check == Check::Host {
                "host"
            } else {
                "rust"
            };
            bindgen.push((root.join(&pkg), language, tree.roots()));
        }
        members.push(format!("{name}/pkg"));
        crates.push((block, name));
    }
    files.insert(
        PathBuf::from("Cargo.toml"),
        workspace_manifest(&members)?.into_bytes(),
    );
    files.insert(
        PathBuf::from("Cargo.lock"),
        std::fs::read(repo_root().join("Cargo.lock"))?,
    );
    // Generated bindings are kept (rewritten below only when stale).
    let generated: BTreeSet<PathBuf> = bindgen
        .iter()
        .map(|(pkg, _, _)| pkg.strip_prefix(&root).unwrap().join("src"))
        .collect();
    sync_dir(&root, &files, &|rel: &Path| {
        rel.parent().is_some_and(|p| generated.contains(p))
            && !files.contains_key(rel)
            && rel.extension().is_some_and(|e| e == "rs")
    });
    for (pkg, language, roots) in &bindgen {
        let run = |check: bool| {
            let mut command = knit();
            command
                .current_dir(pkg)
                .args(["bindgen", language])
                .args(roots);
            command.args(["--out-dir", "src"]);
            if check {
                command.arg("--check");
            }
            command.output()
        };
        if !run(true)?.status.success() {
            let out = run(false)?;
            if !out.status.success() {
                built.errors.push(format!(
                    "knit bindgen {language} in {}: {}",
                    pkg.display(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    let manifest_path = root.join("Cargo.toml");
    for (check, target) in [(Check::Guest, Some("wasm32-wasip2")), (Check::Host, None)] {
        let packages: Vec<String> = crates
            .iter()
            .filter(|(b, _)| b.check == check)
            .map(|(_, n)| n.clone())
            .collect();
        if packages.is_empty() {
            continue;
        }
        let result = cargo_build(&manifest_path, target, &packages)?;
        for (block, name) in crates.iter().filter(|(b, _)| b.check == check) {
            let key = name.replace('-', "_");
            if let Some(errors) = result.errors.get(&key) {
                let source = if block.code.contains("fn main(") {
                    "src/main.rs"
                } else {
                    "src/lib.rs"
                };
                built.errors.push(format!(
                    "{}: the {} block does not compile ({source} line N is line {} + N of the \
                     Markdown file; crate {}):\n{}",
                    block.at(),
                    if check == Check::Guest {
                        "guest"
                    } else {
                        "host"
                    },
                    block.line,
                    root.join(name).join("pkg").display(),
                    errors.join("\n")
                ));
            } else if let Some(artifact) = result.artifacts.get(&key) {
                if let Some(block_name) = block.attr("name") {
                    built
                        .outputs
                        .insert(block_name.to_string(), artifact.clone());
                }
            } else if block.attr("name").is_some() {
                built.errors.push(format!(
                    "{}: cargo built nothing for this block (crate {name}); cargo said:\n{}",
                    block.at(),
                    result.stderr
                ));
            }
        }
        if result.errors.is_empty() && !result.success {
            built.errors.push(format!(
                "cargo build of the docs' {} crates failed:\n{}",
                if check == Check::Guest {
                    "guest"
                } else {
                    "host"
                },
                result.stderr
            ));
        }
    }
    Ok(())
}

/// The Go module path a block's imports imply: what precedes `/bindings/` in them.
fn go_module_path(code: &str) -> String {
    code.lines()
        .filter_map(|l| {
            let l = l.trim();
            let quoted = l.split('"').nth(1)?;
            quoted
                .find("/bindings/")
                .map(|i| quoted[..i].to_string())
                .or_else(|| quoted.strip_suffix("/bindings").map(String::from))
        })
        .next()
        .unwrap_or_else(|| "example.com/docs".into())
}

/// Builds every Go block with `knit build-go` in its own module folder.
fn build_go(docs: &'static Docs, built: &mut Built) -> Result<()> {
    let blocks: Vec<&Block> = docs.of(Check::Go).collect();
    if blocks.is_empty() {
        return Ok(());
    }
    let go = knit_guest_build::toolchain::go::find_go(true).context("a Go toolchain")?;
    let root = work_dir().join("go");
    let names = crate_names(docs, &[Check::Go]);
    for block in blocks {
        let name = &names[&(block.file.clone(), block.line)];
        let dir = root.join(name);
        let tree = docs.wit_tree(block)?;
        let mut files: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
        files.insert(
            PathBuf::from("go.mod"),
            format!("module {}\n\ngo 1.24\n", go_module_path(&block.code)).into_bytes(),
        );
        files.insert(PathBuf::from("main.go"), block.code.clone().into_bytes());
        // The module sits one level down so that `file=../wit/...` stays inside `dir`.
        let module = PathBuf::from("module");
        let mut moved: BTreeMap<PathBuf, Vec<u8>> = files
            .into_iter()
            .map(|(p, c)| (module.join(p), c))
            .collect();
        for (file, wit) in &tree.files {
            moved.insert(module.join(file), wit.code.clone().into_bytes());
        }
        sync_dir(&dir, &moved, &|rel: &Path| {
            rel.starts_with("module/bindings")
        });
        let mut command = knit();
        command
            .current_dir(dir.join("module"))
            .args(["build-go", ".", "-o"])
            .arg(dir.join("component.wasm"))
            .env("KNIT_GO", &go.go);
        for wit_root in tree.roots() {
            command.arg("--wit").arg(wit_root);
        }
        if let Some(world) = block.attr("world") {
            command.args(["--world", world]);
        }
        let out = command.output()?;
        if out.status.success() {
            if let Some(block_name) = block.attr("name") {
                built
                    .outputs
                    .insert(block_name.to_string(), dir.join("component.wasm"));
            }
        } else {
            built.errors.push(format!(
                "{}: the Go block does not build with `knit build-go` (module {}):\n{}{}",
                block.at(),
                dir.join("module").display(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    Ok(())
}

/// The `ns:name` packages a WAC script instantiates with `new`.
fn wac_packages(script: &str) -> Vec<String> {
    let mut packages = Vec::new();
    let words: Vec<&str> = script
        .split(|c: char| c.is_whitespace() || c == '{' || c == '(' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        if pair[0] == "new" {
            let package = pair[1].split('@').next().unwrap_or("").to_string();
            if package.contains(':') && !packages.contains(&package) {
                packages.push(package);
            }
        }
    }
    packages
}

/// Runs a knit command; its stdout, or an error with what it printed.
fn run_knit(args: &[&std::ffi::OsStr], what: &str) -> Result<String> {
    let out = knit().args(args).stdin(Stdio::null()).output()?;
    if !out.status.success() {
        bail!(
            "{what} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A component built from a guest block, copied to `<run>/<name>.wasm` so `knit compose` labels
/// it with the block's name.
fn component(built: &Built, run: &Path, name: &str) -> Result<PathBuf> {
    let source = built
        .outputs
        .get(name)
        .with_context(|| format!("the guest block `{name}` was not built"))?;
    let path = run.join(format!("{name}.wasm"));
    std::fs::copy(source, &path)?;
    Ok(path)
}

/// Composes a WAC block; returns the composed component.
fn compose_wac(block: &Block, built: &Built, run: &Path) -> Result<PathBuf> {
    let name = block.attr("name").unwrap_or("wac");
    let script = run.join(format!("{name}.wac"));
    std::fs::write(&script, &block.code)?;
    let out = run.join(format!("{name}.composed.wasm"));
    let mut args: Vec<std::ffi::OsString> = vec!["compose".into(), "--wac".into()];
    args.push(script.into());
    for package in wac_packages(&block.code) {
        let guest = package.split(':').nth(1).unwrap_or("");
        let path = component(built, run, guest)
            .with_context(|| format!("`new {package}` needs a guest block named `{guest}`"))?;
        args.push("--dep".into());
        args.push(format!("{package}={}", path.display()).into());
    }
    args.push("-o".into());
    args.push(out.clone().into());
    let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    run_knit(&refs, "knit compose --wac")?;
    Ok(out)
}

/// Trailing spaces and blank lines do not count when comparing output.
fn normalize(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_string()
}

/// Produces the output an output block shows.
fn produce_output(docs: &Docs, block: &Block, built: &Built, run: &Path) -> Result<String> {
    let program_args: Vec<String> = block
        .attr("args")
        .map(|a| a.split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    let run_component = |component: &Path| -> Result<String> {
        let mut args: Vec<std::ffi::OsString> = vec!["run".into(), component.into()];
        if let Some(call) = block.attr("invoke") {
            args.push("--invoke".into());
            args.push(call.into());
        }
        if !program_args.is_empty() {
            args.push("--".into());
            args.extend(program_args.iter().map(Into::into));
        }
        let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        run_knit(&refs, "knit run")
    };
    let compose = |names: Vec<String>, explain: bool| -> Result<(String, PathBuf)> {
        let (root, plugs) = names.split_first().context("nothing to compose")?;
        let out = run.join(format!("{root}.composed.wasm"));
        let mut args: Vec<std::ffi::OsString> =
            vec!["compose".into(), component(built, run, root)?.into()];
        for plug in plugs {
            args.push("--plug".into());
            args.push(component(built, run, plug)?.into());
        }
        args.push("-o".into());
        args.push(out.clone().into());
        if explain {
            args.push("--explain".into());
        }
        let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        Ok((run_knit(&refs, "knit compose")?, out))
    };
    if let Some(host) = block.attr("host") {
        let exe = built
            .outputs
            .get(host)
            .with_context(|| format!("the host block `{host}` was not built"))?;
        let guest = component(built, run, block.attr("guest").unwrap_or_default())?;
        let out = Command::new(exe)
            .arg(&guest)
            .args(&program_args)
            .env_remove("RUST_BACKTRACE")
            .stdin(Stdio::null())
            .output()?;
        if !out.status.success() {
            bail!(
                "the host `{host}` failed:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    if block.attrs.contains_key("compose") {
        let (_, composed) = compose(block.list("compose"), false)?;
        return run_component(&composed);
    }
    if block.attrs.contains_key("explain") {
        return Ok(compose(block.list("explain"), true)?.0);
    }
    if let Some(name) = block.attr("component") {
        return run_component(&component(built, run, name)?);
    }
    if let Some(wac) = block.attr("wac") {
        let composed = compose_wac(docs.named(wac), built, run)?;
        return run_component(&composed);
    }
    bail!("nothing to run")
}

#[test]
fn rust_go_and_wac_blocks_build_compose_and_run() {
    let docs = the_docs();
    let _serial = BUILDING.lock().unwrap_or_else(|e| e.into_inner());
    let _lock = knit_guest_build::lock::BuildLock::acquire(&work_dir().join(".lock")).unwrap();
    let started = std::time::Instant::now();
    let mut built = Built::default();
    build_rust(docs, &mut built).unwrap();
    build_go(docs, &mut built).unwrap();
    let run = work_dir().join("run");
    let _ = std::fs::remove_dir_all(&run);
    std::fs::create_dir_all(&run).unwrap();
    for block in docs.of(Check::Wac) {
        if let Err(e) = compose_wac(block, &built, &run) {
            built.errors.push(format!("{}: {e:#}", block.at()));
        }
    }
    for block in docs.of(Check::Output) {
        match produce_output(docs, block, &built, &run) {
            Ok(actual) if normalize(&actual) == normalize(&block.code) => {}
            Ok(actual) => built.errors.push(format!(
                "{}: the output differs.\n--- the guide says:\n{}\n--- it prints:\n{}",
                block.at(),
                normalize(&block.code),
                normalize(&actual)
            )),
            Err(e) => built.errors.push(format!("{}: {e:#}", block.at())),
        }
    }
    eprintln!(
        "docs: {} Rust, {} Go, {} WAC and {} output blocks checked in {:.1?}",
        docs.of(Check::Guest).count() + docs.of(Check::Host).count(),
        docs.of(Check::Go).count(),
        docs.of(Check::Wac).count(),
        docs.of(Check::Output).count(),
        started.elapsed()
    );
    assert!(built.errors.is_empty(), "{}", built.errors.join("\n\n"));
}
