//! The `floats-32` scenario's Rust guest: f32 limits and NaN payloads, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::floats_32::host;

struct Component;

/// Interesting values as bit patterns (NaN payloads must survive unchanged).
const VALUES: [u32; 9] = [
    0,                               // +0
    1 << (32 - 1),                   // -0
    f32::MIN_POSITIVE.to_bits() - 1, // largest subnormal
    f32::MAX.to_bits(),
    f32::MIN.to_bits(),
    f32::INFINITY.to_bits(),
    f32::NEG_INFINITY.to_bits(),
    0x7fc0_0001, // quiet NaN with payload
    0xffc0_1234, // negative quiet NaN with payload
];

impl Guest for Component {
    fn echo(x: f32) -> f32 {
        x
    }

    fn from_bits(bits: u32) -> f32 {
        f32::from_bits(bits)
    }

    fn sum(xs: Vec<f32>) -> f32 {
        xs.iter().sum()
    }

    fn check_imports() -> Result<(), String> {
        for bits in VALUES {
            let back = host::echo(f32::from_bits(bits)).to_bits();
            if back != bits {
                return Err(format!("echo({bits:#x}) came back as {back:#x}"));
            }
            let seen = host::to_bits(f32::from_bits(bits));
            if seen != bits {
                return Err(format!("the host saw {bits:#x} as {seen:#x}"));
            }
        }
        Ok(())
    }
}

export!(Component);
