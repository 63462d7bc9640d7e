package cm

// Option is a WIT `option<T>`: either no value or one T. The zero Option is None.
type Option[T any] struct {
	some  bool
	value T
}

// Some returns an Option holding v.
func Some[T any](v T) Option[T] { return Option[T]{some: true, value: v} }

// None returns an empty Option.
func None[T any]() Option[T] { return Option[T]{} }

// IsSome reports whether the Option holds a value.
func (o Option[T]) IsSome() bool { return o.some }

// IsNone reports whether the Option is empty.
func (o Option[T]) IsNone() bool { return !o.some }

// Value returns the value held, or the zero T when there is none.
func (o Option[T]) Value() T { return o.value }

// Get returns the value held and whether there is one.
func (o Option[T]) Get() (T, bool) { return o.value, o.some }

// Result is a WIT `result<T, E>`: an ok value of type T or an error value of type E. A case
// without a payload uses Unit. The zero Result is Ok with the zero T.
type Result[T, E any] struct {
	isErr bool
	ok    T
	err   E
}

// Ok returns a Result holding the ok value v.
func Ok[T, E any](v T) Result[T, E] { return Result[T, E]{ok: v} }

// Err returns a Result holding the error value e.
func Err[T, E any](e E) Result[T, E] { return Result[T, E]{isErr: true, err: e} }

// IsOk reports whether the Result holds an ok value.
func (r Result[T, E]) IsOk() bool { return !r.isErr }

// IsErr reports whether the Result holds an error value.
func (r Result[T, E]) IsErr() bool { return r.isErr }

// OK returns the ok value (the zero T when the Result is an error).
func (r Result[T, E]) OK() T { return r.ok }

// Err returns the error value (the zero E when the Result is ok).
func (r Result[T, E]) Err() E { return r.err }
