//! Plans every function of every world in the codegen corpus (`test-worlds/codegen/`).
//!
//! Each corpus entry is loaded with the core loader, then every imported and exported function of
//! its world (world-level functions, functions of imported and exported interfaces, resource
//! constructors, methods and statics) goes through the canonical-ABI planner: the import plan for
//! imports, the export and post-return plans for exports. Each plan must
//!
//! * be produced without error or panic (plans check their own stack discipline when built);
//! * run through the driver with a backend that renders nothing (the driver checks the stack
//!   discipline again, as it does for real backends), while every memory access is checked to be
//!   naturally aligned and inside its parameter or return area, and every list element's size and
//!   alignment to match wit-parser's;
//! * agree with an independent oracle: wit-parser's canonical-ABI signature
//!   (`Resolve::wasm_signature`) and sizes (`SizeAlign`) give the core signature, the parameter
//!   area and the return area; a post-return plan exists exactly when the result owns memory.
//!
//! A corpus entry is either `<name>.wit` or a folder `<name>/` (with `deps/`). Leading `//` comment
//! lines may carry directives:
//!
//! * `// world: NAME` selects the world when the entry defines several;
//! * `// features: a, b` enables only those feature gates (otherwise every gate is enabled).
//!
//! [`KNOWN_FAILURES`] lists functions the planner is known to reject or mis-plan; the test fails
//! when one of them starts passing, so the list stays honest.
//!
//! The golden plan dumps in `tests/plans/` are refreshed with `BLESS=1`.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use knit_bindgen_core::abi::{Abi, Area, Emitter, FlatType, Instr, MemKind, Plan, dump, run};
use knit_bindgen_core::{WitSource, load};
use wit_parser::abi::{AbiVariant, WasmType};
use wit_parser::{Function, Resolve, SizeAlign, Type, TypeDefKind, WorldId, WorldItem, WorldKey};

/// `(case, function)` pairs the planner is known to get wrong, each reported to the lead.
/// `function` is the WIT name as printed by this test (`iface.func` or `func` at world level).
const KNOWN_FAILURES: &[(&str, &str)] = &[];

/// The smallest number of corpus entries the issue asks for.
const MIN_CORPUS: usize = 64;

fn corpus_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-worlds/codegen");
    dir.canonicalize().unwrap_or(dir)
}

/// One corpus entry and its directives.
struct Case {
    name: String,
    path: PathBuf,
    world: Option<String>,
    features: Option<Vec<String>>,
}

impl Case {
    fn source(&self) -> WitSource {
        WitSource {
            paths: vec![self.path.clone()],
            inline: None,
            world: self.world.clone(),
            features: self.features.clone().unwrap_or_default(),
            all_features: self.features.is_none(),
        }
    }
}

/// Reads the `// key: value` directives from the leading comment lines of `text`.
fn directives(text: &str, world: &mut Option<String>, features: &mut Option<Vec<String>>) {
    for line in text.lines() {
        let Some(comment) = line.trim().strip_prefix("//") else {
            break;
        };
        if comment.starts_with('/') {
            break; // a doc comment: directives are over
        }
        if let Some(value) = comment.trim().strip_prefix("world:") {
            *world = Some(value.trim().to_string());
        } else if let Some(value) = comment.trim().strip_prefix("features:") {
            *features = Some(
                value
                    .split(',')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect(),
            );
        }
    }
}

fn corpus() -> Vec<Case> {
    let dir = corpus_dir();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut cases = Vec::new();
    for path in entries {
        let (name, texts) = if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "wit"))
                .collect();
            files.sort();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, files)
        } else if path.extension().is_some_and(|e| e == "wit") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, vec![path.clone()])
        } else {
            continue;
        };
        let (mut world, mut features) = (None, None);
        for file in texts {
            directives(
                &std::fs::read_to_string(file).unwrap(),
                &mut world,
                &mut features,
            );
        }
        cases.push(Case {
            name,
            path,
            world,
            features,
        });
    }
    cases
}

/// How one function of a world is planned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Direction {
    Import,
    Export,
}

/// Every function of the world, with its interface key (`None` at world level).
fn functions(resolve: &Resolve, world: WorldId) -> Vec<(Direction, Option<WorldKey>, &Function)> {
    let world = &resolve.worlds[world];
    let mut out = Vec::new();
    let sides = [
        (Direction::Import, &world.imports),
        (Direction::Export, &world.exports),
    ];
    for (direction, items) in sides {
        for (key, item) in items {
            match item {
                WorldItem::Function(func) => out.push((direction, None, func)),
                WorldItem::Interface { id, .. } => {
                    for func in resolve.interfaces[*id].functions.values() {
                        out.push((direction, Some(key.clone()), func));
                    }
                }
                WorldItem::Type { .. } => {}
            }
        }
    }
    out
}

fn display_name(resolve: &Resolve, key: Option<&WorldKey>, func: &Function) -> String {
    match key {
        Some(WorldKey::Name(name)) => format!("{name}.{}", func.name),
        Some(WorldKey::Interface(id)) => {
            format!(
                "{}.{}",
                resolve.interfaces[*id].name.as_deref().unwrap_or("?"),
                func.name
            )
        }
        None => func.name.clone(),
    }
}

/// wit-parser's view of a function's canonical ABI, used as the oracle.
struct Oracle<'a> {
    resolve: &'a Resolve,
    sizes: SizeAlign,
}

impl<'a> Oracle<'a> {
    fn new(resolve: &'a Resolve) -> Self {
        let mut sizes = SizeAlign::default();
        sizes.fill(resolve).expect("sizes of a resolved world");
        Oracle { resolve, sizes }
    }

    fn flat(types: &[WasmType]) -> Vec<FlatType> {
        types
            .iter()
            .map(|t| match t {
                WasmType::I32 | WasmType::Pointer | WasmType::Length => FlatType::I32,
                WasmType::I64 | WasmType::PointerOrI64 => FlatType::I64,
                WasmType::F32 => FlatType::F32,
                WasmType::F64 => FlatType::F64,
            })
            .collect()
    }

    fn area_of(&self, types: &[wit_parser::Type]) -> Area {
        let info = self.sizes.record(types.iter());
        Area {
            size: info.size.size_wasm32() as u32,
            align: info.align.align_wasm32() as u32,
        }
    }

    /// Compares an import or export plan with wit-parser's signature and sizes.
    fn check(&self, plan: &Plan, variant: AbiVariant, func: &Function) -> Result<(), String> {
        let sig = self.resolve.wasm_signature(variant, func);
        let mut problems = Vec::new();
        let (params, results) = (Self::flat(&sig.params), Self::flat(&sig.results));
        if plan.core_params != params || plan.core_results != results {
            problems.push(format!(
                "core signature {:?} -> {:?}, expected {params:?} -> {results:?}",
                plan.core_params, plan.core_results
            ));
        }
        let param_types: Vec<_> = func.params.iter().map(|p| p.ty).collect();
        if matches!(variant, AbiVariant::GuestImport) {
            let expected = sig.indirect_params.then(|| self.area_of(&param_types));
            if plan.params_area != expected {
                problems.push(format!(
                    "params area {:?}, expected {expected:?}",
                    plan.params_area
                ));
            }
        }
        let expected = match (sig.retptr, func.result) {
            (true, Some(ty)) => Some(self.area_of(&[ty])),
            _ => None,
        };
        if plan.return_area != expected {
            problems.push(format!(
                "return area {:?}, expected {expected:?}",
                plan.return_area
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }
}

/// How many memory accesses the layout checks looked at.
#[derive(Clone, Copy, Default)]
struct AccessStats {
    /// Loads and stores checked for alignment.
    accesses: usize,
    /// Of those, the ones checked against the bounds of a parameter or return area.
    bounded: usize,
}

/// Sizes of the memory areas a plan addresses directly, for bounds checks.
#[derive(Clone, Copy, Default)]
struct Areas {
    /// The parameter area (`ParamsArea` in imports).
    params: Option<u32>,
    /// The return area (`ReturnArea`).
    ret: Option<u32>,
    /// The area core argument 0 points to (an export's indirect parameters, or the return area a
    /// post-return function receives).
    arg0: Option<u32>,
}

/// A backend that renders nothing: running every plan through the driver with it checks that the
/// driver accepts the plan's stack discipline, as a real backend would need. On the way it checks
/// layout invariants: every memory access is naturally aligned relative to its base (true of every
/// canonical-ABI layout, whose bases are aligned to their type), accesses through a parameter or
/// return area stay inside it, and every list element size and alignment matches wit-parser's.
struct CheckingEmitter<'a> {
    sizes: &'a SizeAlign,
    areas: Areas,
    values: usize,
    /// Values known to be the base address of an area, with the area's size.
    bases: HashMap<String, u32>,
    /// The value each local holds.
    locals: HashMap<u32, String>,
    problems: Vec<String>,
    stats: AccessStats,
}

impl Emitter for CheckingEmitter<'_> {
    type Block = ();

    fn emit(&mut self, instr: &Instr, operands: Vec<String>, _blocks: Vec<()>) -> Vec<String> {
        match instr {
            Instr::Load { kind, offset } | Instr::Store { kind, offset } => {
                let width = match kind {
                    MemKind::U8 | MemKind::S8 => 1,
                    MemKind::U16 | MemKind::S16 => 2,
                    MemKind::I32 | MemKind::F32 => 4,
                    MemKind::I64 | MemKind::F64 => 8,
                };
                self.stats.accesses += 1;
                if offset % width != 0 {
                    self.problems.push(format!("misaligned access: {instr:?}"));
                }
                let address = operands.last().expect("an access pops its address last");
                if let Some(size) = self.bases.get(address) {
                    self.stats.bounded += 1;
                    if offset + width > *size {
                        self.problems
                            .push(format!("{instr:?} is outside its {size}-byte area"));
                    }
                }
            }
            Instr::ListLower {
                element,
                size,
                align,
                ..
            }
            | Instr::ListLift {
                element,
                size,
                align,
                ..
            } => {
                let expected = (
                    self.sizes.size(element).size_wasm32() as u32,
                    self.sizes.align(element).align_wasm32() as u32,
                );
                if (*size, *align) != expected {
                    self.problems.push(format!(
                        "list element size/align ({size}, {align}), expected {expected:?}"
                    ));
                }
            }
            Instr::LocalSet { local } => {
                self.locals.insert(local.0, operands[0].clone());
            }
            Instr::LocalGet { local } => {
                if let Some(value) = self.locals.get(&local.0) {
                    return vec![value.clone()];
                }
                self.problems
                    .push(format!("local {} read before it is set", local.0));
            }
            _ => {}
        }
        let pushed: Vec<String> = (0..instr.pushes()).map(|_| self.fresh()).collect();
        let area = match instr {
            Instr::ParamsArea => self.areas.params,
            Instr::ReturnArea => self.areas.ret,
            Instr::Arg { index: 0 } => self.areas.arg0,
            _ => None,
        };
        if let (Some(size), [base]) = (area, pushed.as_slice()) {
            self.bases.insert(base.clone(), size);
        }
        pushed
    }

    fn begin_block(&mut self, params: usize) -> Vec<String> {
        (0..params).map(|_| self.fresh()).collect()
    }

    fn end_block(&mut self, _results: Vec<String>) {}
}

impl CheckingEmitter<'_> {
    fn fresh(&mut self) -> String {
        self.values += 1;
        format!("v{}", self.values)
    }
}

/// Runs a plan through the driver (which panics on a stack mismatch) and checks the layout
/// invariants of [`CheckingEmitter`].
fn drive(
    plan: &Plan,
    sizes: &SizeAlign,
    areas: Areas,
    stats: &mut AccessStats,
) -> Result<(), String> {
    let mut emitter = CheckingEmitter {
        sizes,
        areas,
        values: 0,
        bases: HashMap::new(),
        locals: HashMap::new(),
        problems: Vec::new(),
        stats: *stats,
    };
    run(&plan.body, &mut emitter);
    *stats = emitter.stats;
    if emitter.problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{:?} plan: {}",
            plan.kind,
            emitter.problems.join("; ")
        ))
    }
}

/// Whether a value of `ty` handed out by an export owns linear memory (a string or a list somewhere
/// inside it), so that a post-return function must free it.
fn owns_memory(resolve: &Resolve, ty: &Type) -> bool {
    let Type::Id(id) = ty else {
        return matches!(ty, Type::String);
    };
    match &resolve.types[*id].kind {
        TypeDefKind::List(_) => true,
        TypeDefKind::Type(inner) | TypeDefKind::Option(inner) => owns_memory(resolve, inner),
        TypeDefKind::Record(r) => r.fields.iter().any(|f| owns_memory(resolve, &f.ty)),
        TypeDefKind::Tuple(t) => t.types.iter().any(|t| owns_memory(resolve, t)),
        TypeDefKind::Variant(v) => v
            .cases
            .iter()
            .filter_map(|c| c.ty.as_ref())
            .any(|t| owns_memory(resolve, t)),
        TypeDefKind::Result(r) => [r.ok, r.err]
            .iter()
            .flatten()
            .any(|t| owns_memory(resolve, t)),
        _ => false,
    }
}

/// Plans one function in the given direction and checks the plans against the oracle; the error
/// text on failure (including panics).
fn plan(
    abi: &Abi<'_>,
    oracle: &Oracle<'_>,
    direction: Direction,
    key: Option<&WorldKey>,
    func: &Function,
    stats: &mut AccessStats,
) -> Result<(), String> {
    let result = catch_unwind(AssertUnwindSafe(|| match direction {
        Direction::Import => {
            let plan = abi.import_plan(key, func).map_err(|e| e.to_string())?;
            let areas = Areas {
                params: plan.params_area.map(|a| a.size),
                ret: plan.return_area.map(|a| a.size),
                arg0: None,
            };
            drive(&plan, &oracle.sizes, areas, stats)?;
            oracle
                .check(&plan, AbiVariant::GuestImport, func)
                .map_err(|e| format!("import plan: {e}"))
        }
        Direction::Export => {
            let plan = abi
                .export_plan(func)
                .map_err(|e| format!("export plan: {e}"))?;
            let sig = oracle.resolve.wasm_signature(AbiVariant::GuestExport, func);
            let param_types: Vec<Type> = func.params.iter().map(|p| p.ty).collect();
            let areas = Areas {
                params: None,
                ret: plan.return_area.map(|a| a.size),
                arg0: sig
                    .indirect_params
                    .then(|| oracle.area_of(&param_types).size),
            };
            drive(&plan, &oracle.sizes, areas, stats)?;
            oracle
                .check(&plan, AbiVariant::GuestExport, func)
                .map_err(|e| format!("export plan: {e}"))?;
            let post = abi
                .post_return_plan(func)
                .map_err(|e| format!("post-return plan: {e}"))?;
            if let Some(post) = &post {
                let areas = Areas {
                    arg0: plan.return_area.map(|a| a.size),
                    ..Areas::default()
                };
                drive(post, &oracle.sizes, areas, stats)?;
            }
            let needed = func
                .result
                .is_some_and(|ty| owns_memory(oracle.resolve, &ty));
            match post {
                Some(post)
                    if post.core_params != plan.core_results || !post.core_results.is_empty() =>
                {
                    return Err(format!(
                        "post-return signature {:?} -> {:?} does not take the export's results {:?}",
                        post.core_params, post.core_results, plan.core_results
                    ));
                }
                Some(_) if !needed => {
                    return Err("a post-return plan for a result that owns no memory".to_string());
                }
                None if needed => {
                    return Err("no post-return plan, but the result owns memory".to_string());
                }
                _ => {}
            }
            Ok(())
        }
    }));
    match result {
        Ok(outcome) => outcome,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "<non-string panic>".to_string());
            Err(format!("planner panicked: {message}"))
        }
    }
}

#[test]
fn every_corpus_function_is_planned() {
    let cases = corpus();
    let mut failures = Vec::new();
    if cases.len() < MIN_CORPUS {
        failures.push(format!(
            "the corpus has {} entries, fewer than {MIN_CORPUS}",
            cases.len()
        ));
    }
    let mut known_seen = Vec::new();
    let (mut planned, mut imports, mut exports) = (0usize, 0usize, 0usize);
    let mut stats = AccessStats::default();
    for case in &cases {
        let loaded = match load(&case.source()) {
            Ok(loaded) => loaded,
            Err(err) => {
                failures.push(format!("{}: does not load:\n{err}", case.name));
                continue;
            }
        };
        let abi = Abi::new(&loaded.resolve, loaded.world);
        let oracle = Oracle::new(&loaded.resolve);
        let mut count = 0;
        for (direction, key, func) in functions(&loaded.resolve, loaded.world) {
            let name = display_name(&loaded.resolve, key.as_ref(), func);
            let known = KNOWN_FAILURES.contains(&(case.name.as_str(), name.as_str()));
            match (plan(&abi, &oracle, direction, key.as_ref(), func, &mut stats), known) {
                (Ok(()), false) => {
                    count += 1;
                    match direction {
                        Direction::Import => imports += 1,
                        Direction::Export => exports += 1,
                    }
                }
                (Ok(()), true) => failures.push(format!(
                    "{}: {name} is listed as a known failure but now plans: remove it from KNOWN_FAILURES",
                    case.name
                )),
                (Err(err), true) => known_seen.push(format!("{}: {direction:?} {name}: {err}", case.name)),
                (Err(err), false) => failures.push(format!("{}: {direction:?} {name}: {err}", case.name)),
            }
        }
        planned += count;
        println!("{:<40} {count:>4} functions planned", case.name);
    }
    println!(
        "planned {planned} functions ({imports} imports, {exports} exports with post-return) in {} corpus entries",
        cases.len()
    );
    println!(
        "checked {} memory accesses for alignment, {} of them against their area's bounds",
        stats.accesses, stats.bounded
    );
    for known in &known_seen {
        println!("known failure: {known}");
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A function chosen for a golden plan dump.
struct Golden {
    /// File under `tests/plans/`.
    file: &'static str,
    /// Corpus entry.
    case: &'static str,
    /// Name as printed by [`display_name`] (`iface.func`, or `func` at world level).
    function: &'static str,
    /// Which plans to dump.
    direction: Direction,
}

const GOLDEN: &[Golden] = &[
    Golden {
        file: "string-export.txt",
        case: "primitives-export",
        function: "echo.echo-string",
        direction: Direction::Export,
    },
    Golden {
        file: "seventeen-params-import.txt",
        case: "many-params",
        function: "wide.seventeen",
        direction: Direction::Import,
    },
    Golden {
        file: "variant-mixed-width-import.txt",
        case: "variants-mixed-width",
        function: "mixed.swap-blob",
        direction: Direction::Import,
    },
    Golden {
        file: "list-of-records-export.txt",
        case: "lists-of-records",
        function: "people.older-than",
        direction: Direction::Export,
    },
];

fn golden_text(golden: &Golden) -> String {
    let case = corpus()
        .into_iter()
        .find(|c| c.name == golden.case)
        .unwrap_or_else(|| panic!("no corpus entry `{}`", golden.case));
    let loaded = load(&case.source()).unwrap_or_else(|e| panic!("{}: {e}", golden.case));
    let abi = Abi::new(&loaded.resolve, loaded.world);
    let (_, key, func) = functions(&loaded.resolve, loaded.world)
        .into_iter()
        .find(|(direction, key, func)| {
            *direction == golden.direction
                && display_name(&loaded.resolve, key.as_ref(), func) == golden.function
        })
        .unwrap_or_else(|| {
            panic!(
                "{}: no {:?} function `{}`",
                golden.case, golden.direction, golden.function
            )
        });
    let resolve = &loaded.resolve;
    let mut text = format!(
        "# {} {:?} {}\n",
        golden.case, golden.direction, golden.function
    );
    match golden.direction {
        Direction::Import => {
            text += &dump::dump(resolve, &abi.import_plan(key.as_ref(), func).unwrap())
        }
        Direction::Export => {
            text += &dump::dump(resolve, &abi.export_plan(func).unwrap());
            match abi.post_return_plan(func).unwrap() {
                Some(post) => text += &dump::dump(resolve, &post),
                None => text += "no post-return\n",
            }
        }
    }
    text
}

#[test]
fn golden_plan_dumps() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans");
    let bless = std::env::var_os("BLESS").is_some();
    for golden in GOLDEN {
        let actual = golden_text(golden);
        let path = dir.join(golden.file);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1 to create it)", path.display()));
        pretty_assertions::assert_eq!(
            expected,
            actual,
            "{} is stale (BLESS=1 refreshes it)",
            golden.file
        );
    }
}

#[test]
fn oracle_rejects_a_plan_that_disagrees_with_wit_parser() {
    let case = corpus()
        .into_iter()
        .find(|c| c.name == "flat-limits-boundary")
        .unwrap();
    let loaded = load(&case.source()).unwrap();
    let abi = Abi::new(&loaded.resolve, loaded.world);
    let oracle = Oracle::new(&loaded.resolve);
    let (_, key, func) = functions(&loaded.resolve, loaded.world)
        .into_iter()
        .find(|(d, _, f)| *d == Direction::Import && f.name == "two-results")
        .unwrap();
    let good = abi.import_plan(key.as_ref(), func).unwrap();
    oracle.check(&good, AbiVariant::GuestImport, func).unwrap();
    let mut wrong_signature = good.clone();
    wrong_signature.core_params.push(FlatType::I64);
    assert!(
        oracle
            .check(&wrong_signature, AbiVariant::GuestImport, func)
            .is_err()
    );
    let areas = Areas {
        ret: good.return_area.map(|a| a.size),
        ..Areas::default()
    };
    let stats = &mut AccessStats::default();
    drive(&good, &oracle.sizes, areas, stats).unwrap();
    assert!(
        stats.bounded > 0,
        "the return area loads are bounds-checked"
    );
    let mut misaligned = good.clone();
    let load = misaligned
        .body
        .instrs
        .iter_mut()
        .find_map(|i| match i {
            Instr::Load { offset, .. } => Some(offset),
            _ => None,
        })
        .expect("the result is loaded from the return area");
    *load += 1;
    assert!(drive(&misaligned, &oracle.sizes, areas, stats).is_err());
    let mut outside = good.clone();
    for instr in &mut outside.body.instrs {
        if let Instr::Load { offset, .. } = instr {
            *offset += 64;
        }
    }
    assert!(drive(&outside, &oracle.sizes, areas, stats).is_err());
    let mut wrong_area = good.clone();
    wrong_area.return_area = Some(Area { size: 4, align: 4 });
    assert!(
        oracle
            .check(&wrong_area, AbiVariant::GuestImport, func)
            .is_err()
    );
}
