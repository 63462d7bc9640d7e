//! The scenarios, each a function that runs one language's guest and checks what it does.

mod basics;

/// One runtime scenario.
pub struct Scenario {
    /// Folder name under `test-worlds/scenarios/`.
    pub name: &'static str,
    /// Languages with a guest for it.
    pub languages: &'static [&'static str],
    /// Runs the guest of the given language and checks results both ways.
    pub run: fn(&str) -> anyhow::Result<()>,
}

/// Every scenario.
pub const ALL: &[Scenario] = &[Scenario { name: "basics", languages: &["rust"], run: basics::run }];
