// The `ints-32` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/ints_32/bindings/cm"
	"knit.test/ints_32/bindings/knit/ints_32/host"
	"knit.test/ints_32/bindings/ints_32"
)

type component struct{}

func (component) EchoU32(x uint32) uint32 { return x }

func (component) EchoS32(x int32) int32 { return x }

func (component) NegatePair(a uint32, b int32) cm.Tuple2[int32, uint32] {
	return cm.Tuple2[int32, uint32]{F0: -b, F1: -a}
}

func check[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}

func (component) CheckImports() error {
	for _, x := range []uint32{0, 1, math.MaxUint32 / 2, math.MaxUint32/2 + 1, math.MaxUint32} {
		if err := check("echo-u32", host.EchoU32(x), x); err != nil {
			return err
		}
	}
	for _, x := range []int32{math.MinInt32, -1, 0, 1, math.MaxInt32} {
		if err := check("echo-s32", host.EchoS32(x), x); err != nil {
			return err
		}
	}
	checks := []error{
		check("add-u32(max, 1)", host.AddU32(math.MaxUint32, 1), 0),
		check("add-u32(max, max)", host.AddU32(math.MaxUint32, math.MaxUint32), math.MaxUint32-1),
		check("sub-s32(min, 1)", host.SubS32(math.MinInt32, 1), math.MaxInt32),
		check("sub-s32(max, -1)", host.SubS32(math.MaxInt32, -1), math.MinInt32),
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { ints_32.SetExports(component{}) }

func main() {}
