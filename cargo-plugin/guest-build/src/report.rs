//! What knit tells the user while it works, at one of three levels (`-q`, normal, `-v`), and
//! progress for long steps (toolchain installs, engine builds): on a terminal a line that counts the
//! seconds and is replaced by the result; otherwise one plain line when the step starts and one when
//! it ends, so logs stay readable.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How much knit prints besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Errors and warnings only (`-q`).
    Quiet = 0,
    /// Status lines: what was built and written, what it imports, long steps.
    Normal = 1,
    /// Also every tool knit runs, with its arguments (`-v`).
    Verbose = 2,
}

static LEVEL: AtomicU8 = AtomicU8::new(Level::Normal as u8);

/// Sets the level for the rest of the process.
pub fn set_level(level: Level) {
    LEVEL.store(level as u8, Ordering::Relaxed);
}

/// The current level.
pub fn level() -> Level {
    match LEVEL.load(Ordering::Relaxed) {
        0 => Level::Quiet,
        1 => Level::Normal,
        _ => Level::Verbose,
    }
}

/// Prints a status line on stderr unless quiet.
pub fn status(line: &str) {
    if level() >= Level::Normal {
        eprintln!("{line}");
    }
}

/// Prints a line on stderr only when verbose.
pub fn verbose(line: &str) {
    if level() >= Level::Verbose {
        eprintln!("{line}");
    }
}

/// A long step in progress; [`Step::finish`] reports how it ended and how long it took.
pub struct Step {
    verb: &'static str,
    what: String,
    started: Instant,
    done: Arc<AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
    out: Arc<Mutex<()>>,
}

/// Starts a long step: `verb` is a word like `Installing`, `what` says what.
pub fn step(verb: &'static str, what: impl Into<String>) -> Step {
    let what = what.into();
    let done = Arc::new(AtomicBool::new(false));
    let out = Arc::new(Mutex::new(()));
    let live = level() >= Level::Normal && std::io::stderr().is_terminal();
    let mut ticker = None;
    if live {
        let (done, out, what) = (done.clone(), out.clone(), what.clone());
        let started = Instant::now();
        ticker = Some(std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                {
                    let _guard = out.lock();
                    let mut err = std::io::stderr().lock();
                    let _ = write!(
                        err,
                        "\r{verb:>12} {what} ({}s)",
                        started.elapsed().as_secs()
                    );
                    let _ = err.flush();
                }
                std::thread::sleep(Duration::from_millis(250));
            }
        }));
    } else {
        status(&format!("{verb:>12} {what}"));
    }
    Step {
        verb,
        what,
        started: Instant::now(),
        done,
        ticker,
        out,
    }
}

impl Step {
    /// Ends the step; prints `{verb} {what} ({seconds})` as the step's last line (nothing more when
    /// it failed: the error says it).
    pub fn finish(mut self, ok: bool) {
        self.stop(ok);
    }

    fn stop(&mut self, ok: bool) {
        self.done.store(true, Ordering::Relaxed);
        let live = self.ticker.is_some();
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
            let _guard = self.out.lock();
            // Clear the live line.
            eprint!("\r{:width$}\r", "", width = self.what.len() + 24);
        }
        if ok && (live || level() >= Level::Normal) {
            status(&format!(
                "{:>12} {} in {:.1}s",
                "Done",
                self.what,
                self.started.elapsed().as_secs_f64()
            ));
        } else if !ok && live {
            status(&format!("{:>12} {}: failed", self.verb, self.what));
        }
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        if !self.done.load(Ordering::Relaxed) {
            self.stop(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_order_and_round_trip() {
        assert!(Level::Quiet < Level::Normal && Level::Normal < Level::Verbose);
        for l in [Level::Verbose, Level::Quiet, Level::Normal] {
            set_level(l);
            assert_eq!(level(), l);
        }
    }

    #[test]
    fn a_step_finishes_once_even_when_dropped() {
        let step = step("Testing", "a step");
        step.finish(true);
        let dropped = super::step("Testing", "a dropped step");
        drop(dropped);
    }
}
