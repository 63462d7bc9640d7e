// The `ints-8` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/ints_8/bindings/cm"
	"knit.test/ints_8/bindings/knit/ints_8/host"
	"knit.test/ints_8/bindings/ints_8"
)

type component struct{}

func (component) EchoU8(x uint8) uint8 { return x }

func (component) EchoS8(x int8) int8 { return x }

func (component) NegatePair(a uint8, b int8) cm.Tuple2[int8, uint8] {
	return cm.Tuple2[int8, uint8]{F0: -b, F1: -a}
}

func check[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}

func (component) CheckImports() error {
	for _, x := range []uint8{0, 1, math.MaxUint8 / 2, math.MaxUint8/2 + 1, math.MaxUint8} {
		if err := check("echo-u8", host.EchoU8(x), x); err != nil {
			return err
		}
	}
	for _, x := range []int8{math.MinInt8, -1, 0, 1, math.MaxInt8} {
		if err := check("echo-s8", host.EchoS8(x), x); err != nil {
			return err
		}
	}
	checks := []error{
		check("add-u8(max, 1)", host.AddU8(math.MaxUint8, 1), 0),
		check("add-u8(max, max)", host.AddU8(math.MaxUint8, math.MaxUint8), math.MaxUint8-1),
		check("sub-s8(min, 1)", host.SubS8(math.MinInt8, 1), math.MaxInt8),
		check("sub-s8(max, -1)", host.SubS8(math.MaxInt8, -1), math.MinInt8),
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { ints_8.SetExports(component{}) }

func main() {}
