//! Raw WASI 0.2.0 imports, declared by hand in their lowered (canonical ABI)
//! form. Handles are `u32`; `ret` is the return-area pointer the canonical
//! ABI appends when a result does not fit in one core value. Layouts of each
//! return area are documented where they are read (see `streams.rs`, `fs.rs`).

#![allow(dead_code)]

#[link(wasm_import_module = "wasi:io/error@0.2.0")]
unsafe extern "C" {
    #[link_name = "[resource-drop]error"]
    pub fn error_drop(h: u32);
}

#[link(wasm_import_module = "wasi:io/poll@0.2.0")]
unsafe extern "C" {
    #[link_name = "[resource-drop]pollable"]
    pub fn pollable_drop(h: u32);
    /// `poll(list<borrow<pollable>>) -> list<u32>`; ret: ptr, len.
    #[link_name = "poll"]
    pub fn poll(ptr: *const u32, len: usize, ret: *mut u8);
}

#[link(wasm_import_module = "wasi:io/streams@0.2.0")]
unsafe extern "C" {
    #[link_name = "[resource-drop]input-stream"]
    pub fn input_stream_drop(h: u32);
    #[link_name = "[resource-drop]output-stream"]
    pub fn output_stream_drop(h: u32);
    /// ret: tag u8 @0; ok: list ptr @4, len @8; err: stream-error tag @4, error @8.
    #[link_name = "[method]input-stream.blocking-read"]
    pub fn input_stream_blocking_read(h: u32, len: u64, ret: *mut u8);
    #[link_name = "[method]input-stream.subscribe"]
    pub fn input_stream_subscribe(h: u32) -> u32;
    /// ret: tag u8 @0; ok: u64 @8; err: stream-error tag @8, error @12.
    #[link_name = "[method]output-stream.check-write"]
    pub fn output_stream_check_write(h: u32, ret: *mut u8);
    /// ret: tag u8 @0; err: stream-error tag @4, error @8.
    #[link_name = "[method]output-stream.blocking-write-and-flush"]
    pub fn output_stream_blocking_write_and_flush(h: u32, ptr: *const u8, len: usize, ret: *mut u8);
    #[link_name = "[method]output-stream.subscribe"]
    pub fn output_stream_subscribe(h: u32) -> u32;
}

#[link(wasm_import_module = "wasi:clocks/wall-clock@0.2.0")]
unsafe extern "C" {
    /// ret: seconds u64 @0, nanoseconds u32 @8.
    #[link_name = "now"]
    pub fn wall_now(ret: *mut u8);
    #[link_name = "resolution"]
    pub fn wall_resolution(ret: *mut u8);
}

#[link(wasm_import_module = "wasi:clocks/monotonic-clock@0.2.0")]
unsafe extern "C" {
    #[link_name = "now"]
    pub fn monotonic_now() -> u64;
    #[link_name = "resolution"]
    pub fn monotonic_resolution() -> u64;
    #[link_name = "subscribe-instant"]
    pub fn subscribe_instant(when: u64) -> u32;
    #[link_name = "subscribe-duration"]
    pub fn subscribe_duration(when: u64) -> u32;
}

#[link(wasm_import_module = "wasi:random/random@0.2.0")]
unsafe extern "C" {
    /// ret: list ptr @0, len @4.
    #[link_name = "get-random-bytes"]
    pub fn get_random_bytes(len: u64, ret: *mut u8);
}

#[link(wasm_import_module = "wasi:cli/stdin@0.2.0")]
unsafe extern "C" {
    #[link_name = "get-stdin"]
    pub fn get_stdin() -> u32;
}

#[link(wasm_import_module = "wasi:cli/stdout@0.2.0")]
unsafe extern "C" {
    #[link_name = "get-stdout"]
    pub fn get_stdout() -> u32;
}

#[link(wasm_import_module = "wasi:cli/stderr@0.2.0")]
unsafe extern "C" {
    #[link_name = "get-stderr"]
    pub fn get_stderr() -> u32;
}

#[cfg(not(feature = "proxy"))]
#[link(wasm_import_module = "wasi:cli/environment@0.2.0")]
unsafe extern "C" {
    /// ret: list ptr @0, len @4; elements are (ptr, len, ptr, len).
    #[link_name = "get-environment"]
    pub fn get_environment(ret: *mut u8);
    /// ret: list ptr @0, len @4; elements are (ptr, len).
    #[link_name = "get-arguments"]
    pub fn get_arguments(ret: *mut u8);
}

#[cfg(not(feature = "proxy"))]
#[link(wasm_import_module = "wasi:cli/exit@0.2.0")]
unsafe extern "C" {
    /// `exit(result)`: 0 is ok, 1 is err.
    #[link_name = "exit"]
    pub fn exit(status: u32);
    /// `exit-with-code(u8)`, accepted by wasmtime's 0.2 hosts.
    #[link_name = "exit-with-code"]
    pub fn exit_with_code(code: u32);
}

#[cfg(not(feature = "proxy"))]
#[link(wasm_import_module = "wasi:filesystem/preopens@0.2.0")]
unsafe extern "C" {
    /// ret: list ptr @0, len @4; elements are (descriptor, ptr, len).
    #[link_name = "get-directories"]
    pub fn get_directories(ret: *mut u8);
}

#[cfg(not(feature = "proxy"))]
#[link(wasm_import_module = "wasi:filesystem/types@0.2.0")]
unsafe extern "C" {
    #[link_name = "[resource-drop]descriptor"]
    pub fn descriptor_drop(h: u32);
    #[link_name = "[resource-drop]directory-entry-stream"]
    pub fn dir_stream_drop(h: u32);
    /// ret: tag u8 @0; ok: handle @4; err: code u8 @4.
    #[link_name = "[method]descriptor.read-via-stream"]
    pub fn read_via_stream(h: u32, offset: u64, ret: *mut u8);
    #[link_name = "[method]descriptor.write-via-stream"]
    pub fn write_via_stream(h: u32, offset: u64, ret: *mut u8);
    #[link_name = "[method]descriptor.append-via-stream"]
    pub fn append_via_stream(h: u32, ret: *mut u8);
    /// ret: tag u8 @0; err: code u8 @1.
    #[link_name = "[method]descriptor.advise"]
    pub fn advise(h: u32, offset: u64, len: u64, advice: u32, ret: *mut u8);
    #[link_name = "[method]descriptor.sync-data"]
    pub fn sync_data(h: u32, ret: *mut u8);
    #[link_name = "[method]descriptor.sync"]
    pub fn sync(h: u32, ret: *mut u8);
    /// ret: tag u8 @0; ok or err: u8 @1.
    #[link_name = "[method]descriptor.get-flags"]
    pub fn get_flags(h: u32, ret: *mut u8);
    #[link_name = "[method]descriptor.get-type"]
    pub fn get_type(h: u32, ret: *mut u8);
    #[link_name = "[method]descriptor.set-size"]
    pub fn set_size(h: u32, size: u64, ret: *mut u8);
    /// Each timestamp is (tag, seconds, nanoseconds).
    #[link_name = "[method]descriptor.set-times"]
    pub fn set_times(
        h: u32,
        at: u32,
        asec: u64,
        ans: u32,
        mt: u32,
        msec: u64,
        mns: u32,
        ret: *mut u8,
    );
    /// ret: tag u8 @0; ok: list ptr @4, len @8, eof bool @12; err: code @4.
    #[link_name = "[method]descriptor.read"]
    pub fn read(h: u32, len: u64, offset: u64, ret: *mut u8);
    /// ret: tag u8 @0; ok: u64 @8; err: code @8.
    #[link_name = "[method]descriptor.write"]
    pub fn write(h: u32, ptr: *const u8, len: usize, offset: u64, ret: *mut u8);
    /// ret: tag u8 @0; ok: handle @4; err: code @4.
    #[link_name = "[method]descriptor.read-directory"]
    pub fn read_directory(h: u32, ret: *mut u8);
    #[link_name = "[method]descriptor.create-directory-at"]
    pub fn create_directory_at(h: u32, ptr: *const u8, len: usize, ret: *mut u8);
    /// ret: tag u8 @0; ok: descriptor-stat @8 (96 bytes); err: code @8.
    #[link_name = "[method]descriptor.stat"]
    pub fn stat(h: u32, ret: *mut u8);
    #[link_name = "[method]descriptor.stat-at"]
    pub fn stat_at(h: u32, flags: u32, ptr: *const u8, len: usize, ret: *mut u8);
    #[link_name = "[method]descriptor.set-times-at"]
    pub fn set_times_at(
        h: u32,
        flags: u32,
        ptr: *const u8,
        len: usize,
        at: u32,
        asec: u64,
        ans: u32,
        mt: u32,
        msec: u64,
        mns: u32,
        ret: *mut u8,
    );
    #[link_name = "[method]descriptor.link-at"]
    pub fn link_at(
        h: u32,
        flags: u32,
        old: *const u8,
        old_len: usize,
        new_h: u32,
        new: *const u8,
        new_len: usize,
        ret: *mut u8,
    );
    /// ret: tag u8 @0; ok: handle @4; err: code @4.
    #[link_name = "[method]descriptor.open-at"]
    pub fn open_at(
        h: u32,
        path_flags: u32,
        ptr: *const u8,
        len: usize,
        oflags: u32,
        dflags: u32,
        ret: *mut u8,
    );
    /// ret: tag u8 @0; ok: string ptr @4, len @8; err: code @4.
    #[link_name = "[method]descriptor.readlink-at"]
    pub fn readlink_at(h: u32, ptr: *const u8, len: usize, ret: *mut u8);
    #[link_name = "[method]descriptor.remove-directory-at"]
    pub fn remove_directory_at(h: u32, ptr: *const u8, len: usize, ret: *mut u8);
    #[link_name = "[method]descriptor.rename-at"]
    pub fn rename_at(
        h: u32,
        old: *const u8,
        old_len: usize,
        new_h: u32,
        new: *const u8,
        new_len: usize,
        ret: *mut u8,
    );
    #[link_name = "[method]descriptor.symlink-at"]
    pub fn symlink_at(
        h: u32,
        old: *const u8,
        old_len: usize,
        new: *const u8,
        new_len: usize,
        ret: *mut u8,
    );
    #[link_name = "[method]descriptor.unlink-file-at"]
    pub fn unlink_file_at(h: u32, ptr: *const u8, len: usize, ret: *mut u8);
    /// ret: tag u8 @0; ok: lower u64 @8, upper u64 @16; err: code @8.
    #[link_name = "[method]descriptor.metadata-hash"]
    pub fn metadata_hash(h: u32, ret: *mut u8);
    #[link_name = "[method]descriptor.metadata-hash-at"]
    pub fn metadata_hash_at(h: u32, flags: u32, ptr: *const u8, len: usize, ret: *mut u8);
    /// ret: tag u8 @0; ok: option tag @4, type u8 @8, name ptr @12, len @16; err: code @4.
    #[link_name = "[method]directory-entry-stream.read-directory-entry"]
    pub fn read_directory_entry(h: u32, ret: *mut u8);
}

// Functions the build post-processor turns into a mutable `i32` global: the
// adapter's one piece of static state (a pointer to its `State`).
#[link(wasm_import_module = "knit:globals")]
unsafe extern "C" {
    #[link_name = "state_get"]
    pub fn state_get() -> *mut u8;
    #[link_name = "state_set"]
    pub fn state_set(p: *mut u8);
}

#[cfg(feature = "command")]
#[link(wasm_import_module = "__main_module__")]
unsafe extern "C" {
    #[link_name = "_start"]
    pub fn main_start();
}
