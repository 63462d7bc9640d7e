//! The `errors` scenario's Rust guest: `result::err` values both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::errors::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn read_len(path: String) -> Result<u32, FsError> {
        host::read(&path).map(|s| s.len() as u32)
    }

    fn validate(name: String) -> Result<String, FsError> {
        match name.len() {
            0 => Err(FsError::Denied),
            n if n > 8 => Err(FsError::TooBig(n as u64)),
            _ => Ok(name),
        }
    }

    fn check_imports() -> Result<(), String> {
        check("read ok", host::read("/hello"), Ok("hi there".to_string()))?;
        check(
            "read missing",
            host::read("/nope"),
            Err(FsError::NotFound("/nope".into())),
        )?;
        check("read denied", host::read("/secret"), Err(FsError::Denied))?;
        check("size ok", host::check_size(1000), Ok(1000))?;
        check(
            "size too big",
            host::check_size(u64::MAX),
            Err(FsError::TooBig(u64::MAX)),
        )?;
        Ok(())
    }
}

export!(Component);
