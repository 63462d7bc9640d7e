//! Variants with payloads of mixed width (u8 to u64, floats, strings, tuples, lists), both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/variants/test.wit" });

use knit::variants::types::ShapeLeaf;

impl knit::variants::host::Host for HostState {
    fn describe(&mut self, s: Shape) -> String {
        self.log.push(call!("describe", s));
        match s {
            Shape::Nothing => "nothing".into(),
            Shape::Small(x) => format!("small {x}"),
            Shape::Wide(x) => format!("wide {x}"),
            Shape::Float(x) => format!("float {x}"),
            Shape::Double(x) => format!("double {x}"),
            Shape::Text(x) => format!("text {x}"),
            Shape::Pair((a, b)) => format!("pair {a} {b}"),
            Shape::Many(leaves) => format!("many {leaves:?}"),
        }
    }
    fn next(&mut self, s: Shape) -> Shape {
        self.log.push(call!("next", s));
        match s {
            Shape::Nothing => Shape::Small(0),
            Shape::Small(_) => Shape::Wide(1),
            Shape::Wide(_) => Shape::Float(2.0),
            Shape::Float(_) => Shape::Double(3.0),
            Shape::Double(_) => Shape::Text("4".into()),
            Shape::Text(_) => Shape::Pair((5, 6)),
            Shape::Pair(_) => Shape::Many(vec![ShapeLeaf::Flag(false), ShapeLeaf::Code('7')]),
            Shape::Many(_) => Shape::Nothing,
        }
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("variants", language)?)?;
    Variants::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Variants::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let all = guest.call_all_cases(&mut *store)?;
    check!(all.len(), 8);
    check!(all[2].clone(), Shape::Wide(u64::MAX));
    check!(all[6].clone(), Shape::Pair((7, i64::MIN)));
    check!(
        all[7].clone(),
        Shape::Many(vec![ShapeLeaf::Flag(true), ShapeLeaf::Code('\u{10ffff}')])
    );
    check!(
        guest.call_echo(&mut *store, Shape::Double(f64::MAX))?,
        Shape::Double(f64::MAX)
    );
    for shape in all {
        check!(guest.call_echo(&mut *store, shape.clone())?, shape);
    }
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    // Every case, as the guests send them to `describe`, then the chain they feed to `next`.
    let described = [
        Shape::Nothing,
        Shape::Small(u8::MAX),
        Shape::Wide(u64::MAX),
        Shape::Float(-1.5),
        Shape::Double(-0.125),
        Shape::Text("ünï".into()),
        Shape::Pair((7, i64::MIN)),
        Shape::Many(vec![ShapeLeaf::Flag(true), ShapeLeaf::Code('\u{10ffff}')]),
    ];
    let chained = [
        Shape::Nothing,
        Shape::Small(0),
        Shape::Wide(1),
        Shape::Float(2.0),
        Shape::Double(3.0),
        Shape::Text("4".into()),
        Shape::Pair((5, 6)),
        Shape::Many(vec![ShapeLeaf::Flag(false), ShapeLeaf::Code('7')]),
        Shape::Nothing,
    ];
    let mut want: Vec<String> = described.iter().map(|s| call!("describe", s)).collect();
    want.extend(chained.iter().map(|s| call!("next", s)));
    check_calls(&mut store.data_mut().log, want)
}
