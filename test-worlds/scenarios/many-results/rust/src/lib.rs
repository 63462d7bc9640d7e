//! The `many-results` scenario's Rust guest: results that go through memory, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::many_results::host;

struct Component;

fn stats_of(name: String, xs: &[i64]) -> Stats {
    Stats {
        count: xs.len() as u32,
        min: xs.iter().copied().min().unwrap_or(0),
        max: xs.iter().copied().max().unwrap_or(0),
        mean: if xs.is_empty() {
            0.0
        } else {
            xs.iter().map(|x| *x as f64).sum::<f64>() / xs.len() as f64
        },
        first: name.chars().next(),
        name,
    }
}

impl Guest for Component {
    fn spread(x: u8) -> (u8, u16, u32, u64, i8, f32, f64, bool) {
        (
            x,
            x as u16 * 256,
            x as u32 * 65536,
            x as u64 * (1 << 40),
            -((x % 128) as i8),
            x as f32 / 2.0,
            x as f64 / 4.0,
            x % 2 == 1,
        )
    }

    fn compute_stats(name: String, xs: Vec<i64>) -> Stats {
        stats_of(name, &xs)
    }

    fn check_imports() -> Result<(), String> {
        let got = host::divmod(-7, 2);
        if got != (-3, -1, "-7 = 2 * -3 + -1".into()) {
            return Err(format!("divmod returned {got:?}"));
        }
        let got = host::compute_stats("ñame", &[3, -9, i64::MAX]);
        let want = stats_of("ñame".into(), &[3, -9, i64::MAX]);
        if got != want {
            return Err(format!("stats returned {got:?}, want {want:?}"));
        }
        Ok(())
    }
}

export!(Component);
