//! The `lists-of-plain-records` scenario's Rust guest: lists of number-only records, which knit's
//! bindings move as whole blocks of memory.

knit_rt::generate!({ path: "../test.wit" });

use knit::lists_of_plain_records::host;

struct Component;

fn sample(id: u32) -> Sample {
    Sample {
        id,
        value: f64::from(id) / 2.0,
        flag: (id % 256) as u8,
    }
}

impl Guest for Component {
    fn scale(samples: Vec<Sample>, factor: f64) -> Vec<Sample> {
        samples
            .into_iter()
            .map(|s| Sample {
                id: s.id,
                value: s.value * factor,
                flag: s.flag.wrapping_add(1),
            })
            .collect()
    }

    fn sum_ids(samples: Vec<Sample>) -> u64 {
        samples.iter().map(|s| u64::from(s.id)).sum()
    }

    fn heavy(spans: Vec<Span>, min: f32) -> Vec<Span> {
        spans.into_iter().filter(|s| s.weight >= min).collect()
    }

    fn check_imports() -> Result<(), String> {
        let input = [sample(1), sample(2), sample(300)];
        let reversed = host::reverse_negate(&input);
        let want: Vec<Sample> = input
            .iter()
            .rev()
            .map(|s| Sample {
                value: -s.value,
                ..*s
            })
            .collect();
        if reversed != want {
            return Err(format!("reverse-negate returned {reversed:?}"));
        }
        let made = host::make(100_000);
        if made.len() != 100_000 || made.iter().enumerate().any(|(i, s)| *s != sample(i as u32)) {
            return Err(format!(
                "make(100000) returned {} samples, last {:?}",
                made.len(),
                made.last()
            ));
        }
        if !host::make(0).is_empty() {
            return Err("make(0) is not empty".into());
        }
        let spans = [Span {
            start: sample(1),
            end: sample(2),
            weight: 0.5,
        }];
        let swapped = host::swap_spans(&spans);
        if swapped.len() != 1 || swapped[0].start != sample(2) || swapped[0].end != sample(1) {
            return Err(format!("swap-spans returned {swapped:?}"));
        }
        Ok(())
    }
}

export!(Component);
