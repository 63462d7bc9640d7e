//! Limits on a guest run by `knit run`: CPU as fuel (`--fuel`), wall-clock time (`--timeout`,
//! through wasmtime's epoch interruption) and linear memory (`--max-memory`). A guest stopped by a
//! limit gets a message naming the limit and a distinct exit code, so scripts can tell a runaway
//! guest from one that failed on its own:
//!
//! | stopped by | exit code |
//! | --- | --- |
//! | `--timeout` | 124 (as GNU `timeout`) |
//! | `--fuel` | 123 |
//! | `--max-memory` | 122 |

use std::time::Duration;
#[cfg(feature = "run")]
use wasmtime::{Config, Engine, ResourceLimiter, Store, Trap};

/// Exit code when `--timeout` stopped the guest.
pub const EXIT_TIMEOUT: i32 = 124;
/// Exit code when the guest ran out of `--fuel`.
pub const EXIT_FUEL: i32 = 123;
/// Exit code when the guest tried to grow a memory past `--max-memory`.
pub const EXIT_MEMORY: i32 = 122;

/// The limit options of `knit run`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LimitArgs {
    /// Stop the guest after it has used this much fuel (about one unit per wasm instruction).
    #[arg(long, value_name = "N")]
    pub fuel: Option<u64>,
    /// Stop the guest after this long: `500ms`, `2s`, `1m` (a bare number is seconds).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,
    /// The most any one linear memory of the guest may grow to: `64MiB`, `1GiB`, `65536` (bytes).
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes)]
    pub max_memory: Option<u64>,
}

/// Parses `500ms`, `2s`, `1.5s`, `3m`, `1h` or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration (for example 500ms, 2s, 1m)"))?;
    let seconds = match unit.trim() {
        "ms" => value / 1000.0,
        "" | "s" => value,
        "m" | "min" => value * 60.0,
        "h" => value * 3600.0,
        other => {
            return Err(format!(
                "unknown unit `{other}` in `{text}` (ms, s, m or h)"
            ));
        }
    };
    if !(seconds.is_finite() && seconds > 0.0) {
        return Err(format!("the duration `{text}` must be more than zero"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// Parses `65536`, `64KiB`, `64MiB`, `1GiB` (also `K`/`M`/`G`, `KB`/`MB`/`GB` as powers of 1024).
pub fn parse_bytes(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size (for example 64MiB)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        other => {
            return Err(format!(
                "unknown unit `{other}` in `{text}` (KiB, MiB or GiB)"
            ));
        }
    };
    value
        .checked_mul(1 << shift)
        .filter(|v| *v > 0)
        .ok_or_else(|| format!("the size `{text}` must be more than zero and fit in 64 bits"))
}

#[cfg(feature = "run")]
impl LimitArgs {
    /// Turns on what the engine needs for these limits (fuel metering, epoch checks). The
    /// compiled code differs with them on, so the compiled-code cache keys it apart.
    pub fn configure(&self, config: &mut Config) {
        if self.fuel.is_some() {
            config.consume_fuel(true);
        }
        if self.timeout.is_some() {
            config.epoch_interruption(true);
        }
    }

    /// Arms the limits on `store`: its fuel, its epoch deadline with a timer thread that ends the
    /// epoch after `--timeout`, and its memory limiter.
    pub fn arm<T: 'static>(
        &self,
        engine: &Engine,
        store: &mut Store<T>,
        memory: impl Fn(&mut T) -> &mut MemoryLimit + Send + Sync + Copy + 'static,
    ) -> anyhow::Result<()> {
        if let Some(fuel) = self.fuel {
            store.set_fuel(fuel)?;
        }
        if let Some(timeout) = self.timeout {
            store.set_epoch_deadline(1);
            let engine = engine.clone();
            std::thread::spawn(move || {
                std::thread::sleep(timeout);
                engine.increment_epoch();
            });
        }
        store.limiter(move |state| memory(state) as &mut dyn ResourceLimiter);
        Ok(())
    }

    /// The memory limiter for a store under these limits.
    pub fn memory_limit(&self) -> MemoryLimit {
        MemoryLimit {
            max: self.max_memory,
            denied: None,
        }
    }

    /// When `err` is a limit stopping the guest: the message and the exit code.
    pub fn explain(&self, err: &wasmtime::Error, memory: &MemoryLimit) -> Option<(String, i32)> {
        if let Some(asked) = memory.denied {
            let max = self.max_memory.unwrap_or_default();
            return Some((
                format!(
                    "the component tried to grow a memory to {asked} bytes, past --max-memory ({max} bytes), and was stopped"
                ),
                EXIT_MEMORY,
            ));
        }
        match err.downcast_ref::<Trap>() {
            Some(Trap::OutOfFuel) => Some((
                format!(
                    "the component used all its fuel (--fuel {}) and was stopped",
                    self.fuel.unwrap_or_default()
                ),
                EXIT_FUEL,
            )),
            Some(Trap::Interrupt) => Some((
                format!(
                    "the component ran longer than --timeout ({:?}) and was stopped",
                    self.timeout.unwrap_or_default()
                ),
                EXIT_TIMEOUT,
            )),
            _ => None,
        }
    }
}

/// A store's memory limiter: growth past `max` fails the guest (a trap, not a quiet `-1` from
/// `memory.grow` that a guest might take for a null pointer), and remembers the size it asked for.
#[cfg(feature = "run")]
#[derive(Debug, Default)]
pub struct MemoryLimit {
    /// The most one memory may grow to, in bytes.
    pub max: Option<u64>,
    /// The size a denied growth asked for.
    pub denied: Option<usize>,
}

#[cfg(feature = "run")]
impl ResourceLimiter for MemoryLimit {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if let Some(max) = self.max
            && desired as u64 > max
        {
            self.denied = Some(desired);
            return Err(wasmtime::Error::msg(format!(
                "memory growth to {desired} bytes exceeds --max-memory ({max} bytes)"
            )));
        }
        Ok(maximum.is_none_or(|m| desired <= m))
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(maximum.is_none_or(|m| desired <= m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert!(parse_duration("0s").is_err());
        assert!(
            parse_duration("5 fortnights")
                .unwrap_err()
                .contains("unknown unit")
        );
        assert!(parse_duration("soon").is_err());
    }

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_bytes("65536"), Ok(65536));
        assert_eq!(parse_bytes("64KiB"), Ok(64 << 10));
        assert_eq!(parse_bytes("64MiB"), Ok(64 << 20));
        assert_eq!(parse_bytes("1G"), Ok(1 << 30));
        assert!(parse_bytes("0").is_err());
        assert!(
            parse_bytes("12 parsecs")
                .unwrap_err()
                .contains("unknown unit")
        );
        assert!(parse_bytes("99999999999GiB").is_err());
    }

    #[cfg(feature = "run")]
    /// A component whose `spin` export loops forever and whose `grow` export grows its memory
    /// by `pages` pages, returning the old size (or -1).
    const GUEST: &str = r#"(component
        (core module $m
          (memory 1)
          (func (export "spin") (loop $l (br $l)))
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
        (core instance $i (instantiate $m))
        (func (export "spin") (canon lift (core func $i "spin")))
        (func (export "grow") (param "pages" u32) (result s32) (canon lift (core func $i "grow"))))"#;

    #[cfg(feature = "run")]
    struct Guest {
        store: Store<MemoryLimit>,
        instance: wasmtime::component::Instance,
        limits: LimitArgs,
    }

    #[cfg(feature = "run")]
    fn guest(limits: LimitArgs) -> Guest {
        let mut config = Config::new();
        limits.configure(&mut config);
        let engine = Engine::new(&config).unwrap();
        let component = wasmtime::component::Component::new(&engine, GUEST).unwrap();
        let mut store = Store::new(&engine, limits.memory_limit());
        limits.arm(&engine, &mut store, |m| m).unwrap();
        let instance = wasmtime::component::Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        Guest {
            store,
            instance,
            limits,
        }
    }

    #[cfg(feature = "run")]
    #[test]
    fn a_looping_guest_is_stopped_by_fuel_and_by_the_timeout() {
        for (limits, code) in [
            (
                LimitArgs {
                    fuel: Some(100_000),
                    ..LimitArgs::default()
                },
                EXIT_FUEL,
            ),
            (
                LimitArgs {
                    timeout: Some(Duration::from_millis(200)),
                    ..LimitArgs::default()
                },
                EXIT_TIMEOUT,
            ),
        ] {
            let mut g = guest(limits);
            let spin = g
                .instance
                .get_typed_func::<(), ()>(&mut g.store, "spin")
                .unwrap();
            let err = spin.call(&mut g.store, ()).unwrap_err();
            let (message, exit) = g.limits.explain(&err, g.store.data()).unwrap();
            assert_eq!(exit, code, "{message}");
            assert!(message.contains("was stopped"), "{message}");
        }
    }

    #[cfg(feature = "run")]
    #[test]
    fn memory_growth_past_the_limit_stops_the_guest_and_below_it_works() {
        let mut g = guest(LimitArgs {
            max_memory: Some(4 << 16),
            ..LimitArgs::default()
        });
        let grow = g
            .instance
            .get_typed_func::<(u32,), (i32,)>(&mut g.store, "grow")
            .unwrap();
        assert_eq!(grow.call(&mut g.store, (2,)).unwrap(), (1,));
        let err = grow.call(&mut g.store, (8,)).unwrap_err();
        let (message, exit) = g.limits.explain(&err, g.store.data()).unwrap();
        assert_eq!(exit, EXIT_MEMORY);
        assert!(
            message.contains("past --max-memory (262144 bytes)"),
            "{message}"
        );
    }
}
