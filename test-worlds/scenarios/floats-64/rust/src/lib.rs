//! The `floats-64` scenario's Rust guest: f64 limits and NaN payloads, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::floats_64::host;

struct Component;

/// Interesting values as bit patterns (NaN payloads must survive unchanged).
const VALUES: [u64; 9] = [
    0,                               // +0
    1 << (64 - 1),                   // -0
    f64::MIN_POSITIVE.to_bits() - 1, // largest subnormal
    f64::MAX.to_bits(),
    f64::MIN.to_bits(),
    f64::INFINITY.to_bits(),
    f64::NEG_INFINITY.to_bits(),
    0x7ff8_0000_0000_0001, // quiet NaN with payload
    0xfff8_0000_0000_1234, // negative quiet NaN with payload
];

impl Guest for Component {
    fn echo(x: f64) -> f64 {
        x
    }

    fn from_bits(bits: u64) -> f64 {
        f64::from_bits(bits)
    }

    fn sum(xs: Vec<f64>) -> f64 {
        xs.iter().sum()
    }

    fn check_imports() -> Result<(), String> {
        for bits in VALUES {
            let back = host::echo(f64::from_bits(bits)).to_bits();
            if back != bits {
                return Err(format!("echo({bits:#x}) came back as {back:#x}"));
            }
            let seen = host::to_bits(f64::from_bits(bits));
            if seen != bits {
                return Err(format!("the host saw {bits:#x} as {seen:#x}"));
            }
        }
        Ok(())
    }
}

export!(Component);
