// The benchmark guest in Go, with knit's Go bindings: the same behaviour as `../knit-guest`.
// Built by `cargo bench -p knit-test-worlds --bench calls` through `knit_guest_build::go` (the
// code behind `knit build-go`), which writes the bindings into `bindings/` first.
package main

import "knit.bench/calls/bindings/exports/knit/bench/calls"

// counter is the guest's value behind a `counter` handle.
type counter struct{ value uint32 }

func (c *counter) Bump() uint32 {
	c.value++
	return c.value
}

type component struct{}

func (component) Empty() {}

func (component) Echo(s string) string { return s }

func (component) Sum(points []calls.Point) int64 {
	var sum int64
	for _, p := range points {
		sum += int64(p.X) + int64(p.Y) + int64(p.Tag)
	}
	return sum
}

func (component) Points(n uint32) []calls.Point {
	out := make([]calls.Point, n)
	for i := range out {
		out[i] = calls.Point{X: int32(i), Y: -int32(i), Tag: uint8(i)}
	}
	return out
}

func (component) NewCounter(start uint32) calls.Counter { return &counter{value: start} }

func init() { calls.SetExports(component{}) }

func main() {}
