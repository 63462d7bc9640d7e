//! The adapter's state: one `State` record in pages it grows itself, found
//! through the single global the build post-processor provides. The adapter
//! has no data segments and no statics (wit-component's adapter contract), so
//! everything lives here: the descriptor table, a permanent bump region (for
//! preopen names and grown tables) and a scratch arena that serves
//! `cabi_import_realloc` during one preview1 call.

// The proxy variant never opens files, so the table-growth helpers go unused.
#![cfg_attr(feature = "proxy", allow(dead_code))]

use crate::imports;
use core::ptr;

const PAGE: usize = 65536;

/// A `Desc::dflags` bit (outside WASI's flags): the position is the end of
/// the file (after an append), to be found with `stat` when asked.
pub const POS_AT_END: u32 = 1 << 31;

/// What a descriptor slot holds.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Free = 0,
    Stdin = 1,
    Stdout = 2,
    Stderr = 3,
    File = 4,
    Dir = 5,
}

/// One preview1 descriptor.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Desc {
    pub kind: Kind,
    /// preview1 filetype.
    pub ftype: u8,
    /// preview1 fdflags (append, nonblock, sync flags).
    pub fdflags: u16,
    /// WASI 0.2 `descriptor-flags` this file or directory was opened with.
    pub dflags: u32,
    /// `wasi:filesystem` descriptor handle (files and directories).
    pub handle: u32,
    /// Cached input stream (0: none yet).
    pub input: u32,
    /// Cached output stream (0: none yet).
    pub output: u32,
    /// Open `directory-entry-stream` for readdir (0: none).
    pub dir_stream: u32,
    /// Preopen name (len 0: not a preopen).
    pub name_ptr: *const u8,
    pub name_len: usize,
    /// File position, or for directories the cookie `dir_stream` is at.
    pub pos: u64,
}

impl Desc {
    const fn empty() -> Desc {
        Desc {
            kind: Kind::Free,
            ftype: 0,
            fdflags: 0,
            dflags: 0,
            handle: 0,
            input: 0,
            output: 0,
            dir_stream: 0,
            name_ptr: ptr::null(),
            name_len: 0,
            pos: 0,
        }
    }
}

/// Everything the adapter remembers between calls.
#[repr(C)]
pub struct State {
    pub fds: *mut Desc,
    pub fd_cap: u32,
    pub preopens_done: bool,
    perm_cur: usize,
    perm_end: usize,
    arena_start: usize,
    arena_cur: usize,
    arena_end: usize,
    /// One-shot destination for the next import allocation (e.g. a read
    /// landing directly in the caller's buffer).
    direct_ptr: usize,
    direct_len: usize,
}

/// Grows memory by enough pages for `bytes`; traps when memory is exhausted
/// (there is no caller that could recover).
fn grow(bytes: usize) -> usize {
    let pages = bytes.div_ceil(PAGE);
    let old = core::arch::wasm32::memory_grow(0, pages);
    if old == usize::MAX {
        crate::fatal!("knit adapter: out of memory");
    }
    old * PAGE
}

const INITIAL_FDS: u32 = 16;

/// Returns the adapter's state, creating it on first use.
pub fn state() -> &'static mut State {
    unsafe {
        let p = imports::state_get() as *mut State;
        if !p.is_null() {
            return &mut *p;
        }
        let base = grow(PAGE);
        let st = base as *mut State;
        let table = (base + core::mem::size_of::<State>()).next_multiple_of(8);
        let table_end = table + INITIAL_FDS as usize * core::mem::size_of::<Desc>();
        st.write(State {
            fds: table as *mut Desc,
            fd_cap: INITIAL_FDS,
            preopens_done: false,
            perm_cur: table_end,
            perm_end: base + PAGE,
            arena_start: 0,
            arena_cur: 0,
            arena_end: 0,
            direct_ptr: 0,
            direct_len: 0,
        });
        let s = &mut *st;
        for i in 0..INITIAL_FDS as usize {
            s.fds.add(i).write(Desc::empty());
        }
        (*s.fds.add(0)).kind = Kind::Stdin;
        (*s.fds.add(1)).kind = Kind::Stdout;
        (*s.fds.add(2)).kind = Kind::Stderr;
        imports::state_set(st as *mut u8);
        s
    }
}

impl State {
    /// Allocates `len` bytes that live as long as the instance.
    pub fn perm_alloc(&mut self, len: usize, align: usize) -> *mut u8 {
        let mut at = self.perm_cur.next_multiple_of(align);
        if at + len > self.perm_end {
            let size = len.max(PAGE);
            at = grow(size);
            self.perm_end = at + size.next_multiple_of(PAGE);
        }
        self.perm_cur = at + len;
        at as *mut u8
    }

    /// Forgets every arena allocation of the previous call.
    pub fn arena_reset(&mut self) {
        self.arena_cur = self.arena_start;
        self.direct_ptr = 0;
    }

    /// Allocates scratch memory valid until the next `arena_reset`.
    pub fn arena_alloc(&mut self, len: usize, align: usize) -> *mut u8 {
        let mut at = self.arena_cur.next_multiple_of(align.max(1));
        if self.arena_start == 0 || at + len > self.arena_end {
            // Start a new arena big enough for this request; the old one is
            // abandoned (its contents stay valid for the rest of the call).
            let size = (len + align).max(PAGE).next_multiple_of(PAGE);
            let base = grow(size);
            self.arena_start = base;
            self.arena_end = base + size;
            at = base.next_multiple_of(align.max(1));
        }
        self.arena_cur = at + len;
        at as *mut u8
    }

    /// Makes the next import allocation of at most `len` bytes land at `ptr`.
    pub fn direct_next(&mut self, ptr: *mut u8, len: usize) {
        self.direct_ptr = ptr as usize;
        self.direct_len = len;
    }

    /// `cabi_import_realloc`: serves list and string results of imports.
    pub fn import_alloc(&mut self, len: usize, align: usize) -> *mut u8 {
        if self.direct_ptr != 0 && len <= self.direct_len {
            let p = self.direct_ptr;
            self.direct_ptr = 0;
            return p as *mut u8;
        }
        self.direct_ptr = 0;
        self.arena_alloc(len, align)
    }

    /// The descriptor `fd`, if open.
    pub fn fd(&mut self, fd: u32) -> Option<&'static mut Desc> {
        if fd >= self.fd_cap {
            return None;
        }
        let d = unsafe { &mut *self.fds.add(fd as usize) };
        if d.kind == Kind::Free { None } else { Some(d) }
    }

    /// Installs `desc` in the lowest free slot at or above 3.
    pub fn insert(&mut self, desc: Desc) -> u32 {
        let mut i = 3;
        while i < self.fd_cap {
            let d = unsafe { &mut *self.fds.add(i as usize) };
            if d.kind == Kind::Free {
                *d = desc;
                return i;
            }
            i += 1;
        }
        let old_cap = self.fd_cap as usize;
        let new_cap = old_cap * 2;
        let size = core::mem::size_of::<Desc>();
        let table = self.perm_alloc(new_cap * size, 8) as *mut Desc;
        unsafe {
            ptr::copy_nonoverlapping(self.fds, table, old_cap);
            for j in old_cap..new_cap {
                table.add(j).write(Desc::empty());
            }
            table.add(old_cap).write(desc);
        }
        self.fds = table;
        self.fd_cap = new_cap as u32;
        old_cap as u32
    }
}

/// A fresh descriptor record of the given kind.
pub fn new_desc(kind: Kind) -> Desc {
    let mut d = Desc::empty();
    d.kind = kind;
    d
}

/// Marks a slot free after its resources were released.
pub fn clear(d: &mut Desc) {
    *d = Desc::empty();
}
