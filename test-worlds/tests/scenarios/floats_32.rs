//! f32 limits and NaN payloads: host → guest echoes, bit casts and sums, guest → host echoes.

use super::{check_calls, guest_ok};
use anyhow::{Result, ensure};
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/floats-32/test.wit" });

impl knit::floats_32::host::Host for HostState {
    fn echo(&mut self, x: f32) -> f32 {
        self.log.push(format!("echo({:#x})", x.to_bits()));
        x
    }
    fn to_bits(&mut self, x: f32) -> u32 {
        self.log.push(format!("to-bits({:#x})", x.to_bits()));
        x.to_bits()
    }
}

const VALUES: [u32; 9] = [
    0,
    1 << (32 - 1),
    f32::MIN_POSITIVE.to_bits() - 1,
    f32::MAX.to_bits(),
    f32::MIN.to_bits(),
    f32::INFINITY.to_bits(),
    f32::NEG_INFINITY.to_bits(),
    0x7fc0_0001,
    0xffc0_1234,
];

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("floats-32", language)?)?;
    Floats32::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Floats32::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for bits in VALUES {
        let back = guest
            .call_echo(&mut *store, f32::from_bits(bits))?
            .to_bits();
        ensure!(back == bits, "echo({bits:#x}) came back as {back:#x}");
        let made = guest.call_from_bits(&mut *store, bits)?.to_bits();
        ensure!(made == bits, "from-bits({bits:#x}) returned {made:#x}");
    }
    check!(guest.call_sum(&mut *store, &[])?, 0.0);
    check!(guest.call_sum(&mut *store, &[1.5, -0.25, 1e3])?, 1001.25);
    check!(
        guest.call_sum(&mut *store, &[f32::MAX, f32::MAX])?,
        f32::INFINITY
    );
    ensure!(
        guest
            .call_sum(&mut *store, &[f32::INFINITY, f32::NEG_INFINITY])?
            .is_nan(),
        "inf + -inf is not NaN"
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    // Recorded by bits: NaN payloads and the sign of zero must arrive as the guest sent them.
    let want = VALUES
        .iter()
        .flat_map(|bits| [format!("echo({bits:#x})"), format!("to-bits({bits:#x})")])
        .collect();
    check_calls(&mut store.data_mut().log, want)
}
