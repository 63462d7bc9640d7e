//! Small real components used by the scenario, error and determinism tests.
#![allow(dead_code)]

use super::component;

/// `c`: exports `test:c/get.get() -> 3`.
pub fn chain_c() -> Vec<u8> {
    component(
        &["package test:c; interface get { get: func() -> u32; } world c { export get; }"],
        "c",
        r#"(module (func (export "test:c/get#get") (result i32) i32.const 3))"#,
    )
}

/// `b`: exports `test:b/get.get() -> c + 10`, importing `test:c/get`.
pub fn chain_b() -> Vec<u8> {
    component(
        &[
            "package test:c; interface get { get: func() -> u32; }",
            "package test:b; interface get { get: func() -> u32; } world b { import test:c/get; export get; }",
        ],
        "b",
        r#"(module
            (import "test:c/get" "get" (func $c (result i32)))
            (func (export "test:b/get#get") (result i32) call $c i32.const 10 i32.add))"#,
    )
}

/// `a`: exports `test:a/run.run() -> b * 2`, importing `test:b/get`.
pub fn chain_a() -> Vec<u8> {
    component(
        &[
            "package test:b; interface get { get: func() -> u32; }",
            "package test:a; interface run { run: func() -> u32; } world a { import test:b/get; export run; }",
        ],
        "a",
        r#"(module
            (import "test:b/get" "get" (func $b (result i32)))
            (func (export "test:a/run#run") (result i32) call $b i32.const 2 i32.mul))"#,
    )
}

const COUNTER: &str = "package test:s; interface counter { next: func() -> u32; }";

/// `s`: a counter; every call of `next` returns one more than the last.
pub fn diamond_shared() -> Vec<u8> {
    component(
        &[&format!("{COUNTER} world s {{ export counter; }}")],
        "s",
        r#"(module
            (global $n (mut i32) (i32.const 0))
            (func (export "test:s/counter#next") (result i32)
                global.get $n i32.const 1 i32.add global.set $n global.get $n))"#,
    )
}

/// `left` or `right`: exports `test:<side>/get.get() -> counter.next()`.
pub fn diamond_side(side: &str) -> Vec<u8> {
    component(
        &[
            COUNTER,
            &format!(
                "package test:{side}; interface get {{ get: func() -> u32; }} world {side} {{ import test:s/counter; export get; }}"
            ),
        ],
        side,
        &format!(
            r#"(module
                (import "test:s/counter" "next" (func $n (result i32)))
                (func (export "test:{side}/get#get") (result i32) call $n))"#
        ),
    )
}

/// `top`: `run() -> left.get() * 10 + right.get()`.
pub fn diamond_top() -> Vec<u8> {
    component(
        &[
            "package test:left; interface get { get: func() -> u32; }",
            "package test:right; interface get { get: func() -> u32; }",
            "package test:top; interface run { run: func() -> u32; }
             world top { import test:left/get; import test:right/get; export run; }",
        ],
        "top",
        r#"(module
            (import "test:left/get" "get" (func $l (result i32)))
            (import "test:right/get" "get" (func $r (result i32)))
            (func (export "test:top/run#run") (result i32)
                call $l i32.const 10 i32.mul call $r i32.add))"#,
    )
}

/// The `test:v/api` interface at `version`, exported with `answer() -> value`.
pub fn versioned_provider(version: &str, value: u32) -> Vec<u8> {
    component(
        &[&format!(
            "package test:v@{version}; interface api {{ answer: func() -> u32; }} world v {{ export api; }}"
        )],
        "v",
        &format!(
            r#"(module (func (export "test:v/api@{version}#answer") (result i32) i32.const {value}))"#
        ),
    )
}

/// Imports `test:v/api@0.2.3` and exports `test:vroot/run.run() -> answer() + 1000`.
pub fn versioned_consumer() -> Vec<u8> {
    component(
        &[
            "package test:v@0.2.3; interface api { answer: func() -> u32; }",
            "package test:vroot; interface run { run: func() -> u32; }
             world root { import test:v/api@0.2.3; export run; }",
        ],
        "root",
        r#"(module
            (import "test:v/api@0.2.3" "answer" (func $a (result i32)))
            (func (export "test:vroot/run#run") (result i32) call $a i32.const 1000 i32.add))"#,
    )
}

/// Root that imports `test:x/x`; exports `run() -> x() + 100`.
pub fn plugged_root() -> Vec<u8> {
    component(
        &[
            "package test:x; interface x { x: func() -> u32; }",
            "package test:proot; interface run { run: func() -> u32; }
             world root { import test:x/x; export run; }",
        ],
        "root",
        r#"(module
            (import "test:x/x" "x" (func $x (result i32)))
            (func (export "test:proot/run#run") (result i32) call $x i32.const 100 i32.add))"#,
    )
}

/// Plug exporting `test:x/x.x() -> y() * 3`, importing `test:y/y`.
pub fn plug_x() -> Vec<u8> {
    component(
        &[
            "package test:y; interface y { y: func() -> u32; }",
            "package test:x; interface x { x: func() -> u32; } world px { import test:y/y; export x; }",
        ],
        "px",
        r#"(module
            (import "test:y/y" "y" (func $y (result i32)))
            (func (export "test:x/x#x") (result i32) call $y i32.const 3 i32.mul))"#,
    )
}

/// Plug exporting `test:y/y.y() -> 5`.
pub fn plug_y() -> Vec<u8> {
    component(
        &["package test:y; interface y { y: func() -> u32; } world py { export y; }"],
        "py",
        r#"(module (func (export "test:y/y#y") (result i32) i32.const 5))"#,
    )
}

/// Root importing `value` from the host interface `test:h/host` and `test:k/k`
/// from a plug; exports `run() -> value() + k()`.
pub fn host_root() -> Vec<u8> {
    component(
        &[
            "package test:h; interface host { value: func() -> u32; }",
            "package test:k; interface k { k: func() -> u32; }",
            "package test:hroot; interface run { run: func() -> u32; }
             world root { import test:h/host; import test:k/k; export run; }",
        ],
        "root",
        r#"(module
            (import "test:h/host" "value" (func $v (result i32)))
            (import "test:k/k" "k" (func $k (result i32)))
            (func (export "test:hroot/run#run") (result i32) call $v call $k i32.add))"#,
    )
}

/// Plug importing `scale` from the host interface `test:h/host`; exports
/// `test:k/k.k() -> scale() * 1000`.
pub fn host_plug() -> Vec<u8> {
    component(
        &[
            "package test:h; interface host { scale: func() -> u32; }",
            "package test:k; interface k { k: func() -> u32; } world pk { import test:h/host; export k; }",
        ],
        "pk",
        r#"(module
            (import "test:h/host" "scale" (func $s (result i32)))
            (func (export "test:k/k#k") (result i32) call $s i32.const 1000 i32.mul))"#,
    )
}

/// Root importing `test:v/api@0.2.3` (left for the host) and `test:k/k`;
/// exports `test:vh/run.run() -> answer() + k()`.
pub fn versioned_host_root() -> Vec<u8> {
    component(
        &[
            "package test:v@0.2.3; interface api { answer: func() -> u32; }",
            "package test:k; interface k { k: func() -> u32; }",
            "package test:vh; interface run { run: func() -> u32; }
             world root { import test:v/api@0.2.3; import test:k/k; export run; }",
        ],
        "root",
        r#"(module
            (import "test:v/api@0.2.3" "answer" (func $a (result i32)))
            (import "test:k/k" "k" (func $k (result i32)))
            (func (export "test:vh/run#run") (result i32) call $a call $k i32.add))"#,
    )
}

/// Plug importing `test:v/api@0.2.6` from the host; exports
/// `test:k/k.k() -> answer() * 1000`.
pub fn versioned_host_plug() -> Vec<u8> {
    component(
        &[
            "package test:v@0.2.6; interface api { answer: func() -> u32; }",
            "package test:k; interface k { k: func() -> u32; } world pk { import test:v/api@0.2.6; export k; }",
        ],
        "pk",
        r#"(module
            (import "test:v/api@0.2.6" "answer" (func $a (result i32)))
            (func (export "test:k/k#k") (result i32) call $a i32.const 1000 i32.mul))"#,
    )
}
