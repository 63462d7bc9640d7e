//! Rust, Go and WAC blocks: built in one generated workspace, composed and run, with `output`
//! blocks compared against what really runs (see the table in `docs.rs`).

use super::*;
use std::io::BufReader;
use std::process::Stdio;

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
