//! The `type-aliases` scenario's Rust guest: aliases and renamed `use`s.

knit_rt::generate!({ path: "../test.wit" });

use knit::type_aliases::host;

struct Component;

impl Guest for Component {
    fn pick(people: Vec<Person>) -> Option<Id> {
        people.iter().max_by_key(|p| p.names.len()).map(|p| p.id)
    }

    fn check_imports() -> Result<(), String> {
        let user: Option<host::User> = host::lookup(7);
        match user {
            Some(u) if u.id == 7 && u.names == ["seven", "sept"] => {}
            other => return Err(format!("lookup(7) returned {other:?}")),
        }
        if host::lookup(8).is_some() {
            return Err("lookup(8) found someone".into());
        }
        let key: host::Key = u64::MAX;
        if host::find(&["nobody".to_string(), "sept".into()]) != Some(7)
            || host::find(&[]).is_some()
            || key != u64::MAX
        {
            return Err("find is wrong".into());
        }
        Ok(())
    }
}

export!(Component);
