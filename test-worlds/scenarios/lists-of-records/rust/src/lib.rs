//! The `lists-of-records` scenario's Rust guest.

knit_rt::generate!({ path: "../test.wit" });

use knit::lists_of_records::host;

struct Component;

fn item(id: u8, weight: f64, name: &str, tags: &[u16]) -> Item {
    Item {
        id,
        weight,
        name: name.into(),
        tags: tags.to_vec(),
    }
}

impl Guest for Component {
    fn with_tag(items: Vec<Item>, tag: u16) -> Vec<Item> {
        items
            .into_iter()
            .filter(|i| i.tags.contains(&tag))
            .collect()
    }

    fn total(items: Vec<Item>) -> f64 {
        items.iter().map(|i| i.weight).sum()
    }

    fn check_imports() -> Result<(), String> {
        let sorted = host::sort_by_weight(&[
            item(1, 0.5, "a", &[]),
            item(2, 9.0, "b", &[7]),
            item(3, 2.0, "ç", &[1, 2]),
        ]);
        let ids: Vec<u8> = sorted.iter().map(|i| i.id).collect();
        if ids != [2, 3, 1] || sorted[1].name != "ç" || sorted[1].tags != [1, 2] {
            return Err(format!("sort-by-weight returned {sorted:?}"));
        }
        let made = host::make(1000);
        if made.len() != 1000
            || made[999].name != "item-999"
            || made[999].id != (999 % 256) as u8
            || made[999].tags != [999 % 7]
        {
            return Err(format!(
                "make(1000) returned {} items, last {:?}",
                made.len(),
                made.last()
            ));
        }
        if !host::make(0).is_empty() {
            return Err("make(0) is not empty".into());
        }
        Ok(())
    }
}

export!(Component);
