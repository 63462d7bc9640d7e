//! Shell blocks against the real command lines: every `knit`, `cargo knit` and `cargo` line a
//! guide shows is parsed by the real command-line parser (see the table in `docs.rs`).

use super::*;
use std::process::Stdio;

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
