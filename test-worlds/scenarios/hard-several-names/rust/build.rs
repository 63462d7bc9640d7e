//! Links the guest as a core module (`--skip-wit-component`): the wit-component inside rustc
//! 1.95's linker cannot read a world that imports a packaged interface under a plain name
//! (`import primary: store;`), so the host test makes the component with knit's own.

fn main() {
    println!("cargo::rustc-link-arg-cdylib=--skip-wit-component");
}
