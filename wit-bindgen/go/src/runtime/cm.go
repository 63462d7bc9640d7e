// Package cm is the runtime of knit's Go bindings: the canonical-ABI helpers the generated
// packages call (memory access, string and list lifting and lowering, the allocator the host
// calls), and the generic Option, Result and Tuple types WIT values map to.
//
// Memory rules, so the garbage collector never frees or misses memory the host uses:
//   - A buffer the host allocates through cabi_realloc stays referenced from a registry until
//     generated code takes it over (lifting a string or list) or frees it.
//   - A Go buffer lent to the host during an import call is pinned with a runtime.Pinner for the
//     duration of the call.
//   - A buffer an export hands to the host stays referenced until the export's post-return
//     function releases it.
//   - Addresses are passed as int32 values only; they are never stored in pointer-typed slots,
//     and Go pointers are never hidden in integers outside those registries.
//
// The garbage collector is switched off whenever the host is in control (between export calls
// and during import calls), and on while guest code runs. The host calls cabi_realloc at those
// times, and the component model forbids calling imports from cabi_realloc; a collection (or the
// scavenging that comes with heap growth) reads the clock through WASI, which would trap.
package cm

import (
	"math"
	"runtime"
	"runtime/debug"
	"unsafe"
)

// gcPercent is the collector setting (GOGC) to use while guest code runs.
var gcPercent = 100

// gcOn says whether the collector is switched on.
var gcOn = true

func init() {
	runtime.MemProfileRate = 0
	if previous := debug.SetGCPercent(-1); previous > 0 {
		gcPercent = previous
	}
	gcOn = false
}

func setGC(on bool) {
	if on == gcOn {
		return
	}
	gcOn = on
	if on {
		debug.SetGCPercent(gcPercent)
	} else {
		debug.SetGCPercent(-1)
	}
}

// ExportEnter is called when an export starts running guest code.
func ExportEnter() { setGC(true) }

// ExportLeave is called when an export hands control back to the host.
func ExportLeave() { setGC(false) }

// ImportEnter is called before an import call during which the host may call cabi_realloc;
// pass its result to ImportLeave.
func ImportEnter() bool {
	was := gcOn
	setGC(false)
	return was
}

// ImportLeave is called after such an import call.
func ImportLeave(was bool) { setGC(was) }

// Pinner pins the Go memory lent to the host during one import call.
type Pinner = runtime.Pinner

// registry holds every live buffer the host allocated with cabi_realloc or an export handed
// over, by address, so the garbage collector keeps it until generated code lets go of it.
var registry = map[uint32]unsafe.Pointer{}

// pointer turns a linear-memory address into a pointer.
func pointer(addr int32, offset uint32) unsafe.Pointer {
	return unsafe.Add(unsafe.Pointer(nil), uintptr(uint32(addr)+offset))
}

// address turns a pointer into a linear-memory address (wasm32 pointers are 32 bits wide).
func address(p unsafe.Pointer) int32 {
	return int32(uint32(uintptr(p)))
}

// alloc returns zeroed Go memory of at least size bytes, aligned to 8 bytes.
func alloc(size uint32) unsafe.Pointer {
	words := make([]uint64, (uint64(size)+7)/8+1)
	return unsafe.Pointer(unsafe.SliceData(words))
}

//go:wasmexport cabi_realloc
func cabiRealloc(old, oldSize, align, newSize int32) int32 {
	p := alloc(uint32(newSize))
	if old != 0 {
		if prev, ok := registry[uint32(old)]; ok {
			n := min(uint32(oldSize), uint32(newSize))
			copy(unsafe.Slice((*byte)(p), n), unsafe.Slice((*byte)(prev), n))
			delete(registry, uint32(old))
		}
	}
	addr := address(p)
	registry[uint32(addr)] = p
	return addr
}

// Free forgets a buffer the host allocated (an indirect-parameter block, a lifted list).
func Free(addr int32) {
	delete(registry, uint32(addr))
}

// Release lets go of a buffer an export handed to the host (post-return).
func Release(addr int32) {
	delete(registry, uint32(addr))
}

// Keep records buf as handed to the host until Release is called with its address.
func keep(p unsafe.Pointer) int32 {
	addr := address(p)
	if p != nil {
		registry[uint32(addr)] = p
	}
	return addr
}

// AllocPinned allocates size bytes for the duration of an import call.
func AllocPinned(pinner *Pinner, size, align uint32) int32 {
	p := alloc(size)
	pinner.Pin(p)
	return address(p)
}

// AllocGive allocates size bytes an export hands to the host; post-return releases them.
func AllocGive(size, align uint32) int32 {
	return keep(alloc(size))
}

// Area is a block of memory that lives as long as the program (an export's return area).
type Area struct{ words []uint64 }

// NewArea allocates an area of size bytes.
func NewArea(size uint32) Area {
	return Area{words: make([]uint64, (uint64(size)+7)/8+1)}
}

// Addr is the area's address.
func (a Area) Addr() int32 {
	return address(unsafe.Pointer(unsafe.SliceData(a.words)))
}

// LowerString lends a string's bytes to the host for one import call.
func LowerString(pinner *Pinner, s string) (int32, int32) {
	if len(s) == 0 {
		return 0, 0
	}
	p := unsafe.Pointer(unsafe.StringData(s))
	pinner.Pin(p)
	return address(p), int32(len(s))
}

// GiveString hands a string's bytes to the host until post-return.
func GiveString(s string) (int32, int32) {
	if len(s) == 0 {
		return 0, 0
	}
	return keep(unsafe.Pointer(unsafe.StringData(s))), int32(len(s))
}

// LiftString takes over a string the host wrote into memory it allocated with cabi_realloc.
func LiftString(addr, length int32) string {
	if length == 0 {
		Free(addr)
		return ""
	}
	s := unsafe.String((*byte)(pointer(addr, 0)), int(uint32(length)))
	Free(addr)
	return s
}

// LowerSlice lends a slice of integers or floats to the host for one import call.
func LowerSlice[T any](pinner *Pinner, v []T) (int32, int32) {
	if len(v) == 0 {
		return 0, 0
	}
	p := unsafe.Pointer(unsafe.SliceData(v))
	pinner.Pin(p)
	return address(p), int32(len(v))
}

// GiveSlice hands a slice of integers or floats to the host until post-return.
func GiveSlice[T any](v []T) (int32, int32) {
	if len(v) == 0 {
		return 0, 0
	}
	return keep(unsafe.Pointer(unsafe.SliceData(v))), int32(len(v))
}

// LiftSlice takes over a list of integers or floats the host wrote into memory it allocated.
func LiftSlice[T any](addr, length int32) []T {
	if length == 0 {
		Free(addr)
		return []T{}
	}
	v := unsafe.Slice((*T)(pointer(addr, 0)), int(uint32(length)))
	Free(addr)
	return v
}

// LoadU8 reads a byte, zero-extended.
func LoadU8(addr int32, offset uint32) int32 { return int32(*(*uint8)(pointer(addr, offset))) }

// LoadS8 reads a byte, sign-extended.
func LoadS8(addr int32, offset uint32) int32 { return int32(*(*int8)(pointer(addr, offset))) }

// LoadU16 reads two bytes, zero-extended.
func LoadU16(addr int32, offset uint32) int32 { return int32(*(*uint16)(pointer(addr, offset))) }

// LoadS16 reads two bytes, sign-extended.
func LoadS16(addr int32, offset uint32) int32 { return int32(*(*int16)(pointer(addr, offset))) }

// LoadI32 reads four bytes.
func LoadI32(addr int32, offset uint32) int32 { return *(*int32)(pointer(addr, offset)) }

// LoadI64 reads eight bytes.
func LoadI64(addr int32, offset uint32) int64 { return *(*int64)(pointer(addr, offset)) }

// LoadF32 reads a float32.
func LoadF32(addr int32, offset uint32) float32 { return *(*float32)(pointer(addr, offset)) }

// LoadF64 reads a float64.
func LoadF64(addr int32, offset uint32) float64 { return *(*float64)(pointer(addr, offset)) }

// Store8 writes the low byte of v.
func Store8(addr int32, offset uint32, v int32) { *(*uint8)(pointer(addr, offset)) = uint8(v) }

// Store16 writes the low two bytes of v.
func Store16(addr int32, offset uint32, v int32) { *(*uint16)(pointer(addr, offset)) = uint16(v) }

// StoreI32 writes four bytes.
func StoreI32(addr int32, offset uint32, v int32) { *(*int32)(pointer(addr, offset)) = v }

// StoreI64 writes eight bytes.
func StoreI64(addr int32, offset uint32, v int64) { *(*int64)(pointer(addr, offset)) = v }

// StoreF32 writes a float32.
func StoreF32(addr int32, offset uint32, v float32) { *(*float32)(pointer(addr, offset)) = v }

// StoreF64 writes a float64.
func StoreF64(addr int32, offset uint32, v float64) { *(*float64)(pointer(addr, offset)) = v }

// BoolToI32 lowers a bool.
func BoolToI32(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// LiftChar lifts a Unicode scalar value; surrogates and values above U+10FFFF trap.
func LiftChar(v int32) rune {
	u := uint32(v)
	if u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF) {
		panic("knit: invalid char value")
	}
	return rune(u)
}

// Discriminant checks that a lifted discriminant is below n; an out-of-range value traps.
func Discriminant(v int32, n uint32) int32 {
	if uint32(v) >= n {
		panic("knit: invalid discriminant")
	}
	return v
}

// InvalidDiscriminant traps.
func InvalidDiscriminant() {
	panic("knit: invalid discriminant")
}

// F32ToI32 reinterprets the bits of a float32.
func F32ToI32(v float32) int32 { return int32(math.Float32bits(v)) }

// I32ToF32 reinterprets bits as a float32.
func I32ToF32(v int32) float32 { return math.Float32frombits(uint32(v)) }

// I32ToI64 zero-extends.
func I32ToI64(v int32) int64 { return int64(uint32(v)) }

// I64ToI32 wraps.
func I64ToI32(v int64) int32 { return int32(v) }

// F32ToI64 widens the bits of a float32.
func F32ToI64(v float32) int64 { return int64(math.Float32bits(v)) }

// I64ToF32 reinterprets the low bits as a float32.
func I64ToF32(v int64) float32 { return math.Float32frombits(uint32(v)) }

// F64ToI64 reinterprets the bits of a float64.
func F64ToI64(v float64) int64 { return int64(math.Float64bits(v)) }

// I64ToF64 reinterprets bits as a float64.
func I64ToF64(v int64) float64 { return math.Float64frombits(uint64(v)) }

// Table maps the representations of a component's own resources to their Go values. Handles
// given to the host carry the representation (a small integer), never a Go pointer.
type Table[T any] struct {
	values map[int32]T
	next   int32
}

// Add stores v and returns its representation.
func (t *Table[T]) Add(v T) int32 {
	if t.values == nil {
		t.values = map[int32]T{}
	}
	t.next++
	t.values[t.next] = v
	return t.next
}

// Get returns the value of a representation; an unknown one traps.
func (t *Table[T]) Get(rep int32) T {
	v, ok := t.values[rep]
	if !ok {
		panic("knit: unknown resource representation")
	}
	return v
}

// Remove takes a value out of the table; ok is false when it is not there.
func (t *Table[T]) Remove(rep int32) (v T, ok bool) {
	v, ok = t.values[rep]
	delete(t.values, rep)
	return v, ok
}

// Find returns the representation of a value in the table; a value that is not there traps.
func (t *Table[T]) Find(v T) int32 {
	for rep, x := range t.values {
		if any(x) == any(v) {
			return rep
		}
	}
	panic("knit: the resource value has no live handle")
}

// Len is the number of live values.
func (t *Table[T]) Len() int { return len(t.values) }

// Dropper is implemented by resource values that want to know when the last handle is dropped.
type Dropper interface{ Drop() }

// Unit is the payload of a result case that carries none.
type Unit = struct{}

// stringError is the error an import returns for the string of a `result<_, string>`.
type stringError struct{ message string }

func (e *stringError) Error() string { return e.message }

// StringError makes an error of the string a `result<_, string>` carried.
func StringError(message string) error { return &stringError{message} }
