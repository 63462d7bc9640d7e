// The `ints-16` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/ints_16/bindings/cm"
	"knit.test/ints_16/bindings/knit/ints_16/host"
	"knit.test/ints_16/bindings/ints_16"
)

type component struct{}

func (component) EchoU16(x uint16) uint16 { return x }

func (component) EchoS16(x int16) int16 { return x }

func (component) NegatePair(a uint16, b int16) cm.Tuple2[int16, uint16] {
	return cm.Tuple2[int16, uint16]{F0: -b, F1: -a}
}

func check[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}

func (component) CheckImports() error {
	for _, x := range []uint16{0, 1, math.MaxUint16 / 2, math.MaxUint16/2 + 1, math.MaxUint16} {
		if err := check("echo-u16", host.EchoU16(x), x); err != nil {
			return err
		}
	}
	for _, x := range []int16{math.MinInt16, -1, 0, 1, math.MaxInt16} {
		if err := check("echo-s16", host.EchoS16(x), x); err != nil {
			return err
		}
	}
	checks := []error{
		check("add-u16(max, 1)", host.AddU16(math.MaxUint16, 1), 0),
		check("add-u16(max, max)", host.AddU16(math.MaxUint16, math.MaxUint16), math.MaxUint16-1),
		check("sub-s16(min, 1)", host.SubS16(math.MinInt16, 1), math.MaxInt16),
		check("sub-s16(max, -1)", host.SubS16(math.MaxInt16, -1), math.MinInt16),
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { ints_16.SetExports(component{}) }

func main() {}
