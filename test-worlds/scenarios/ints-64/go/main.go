// The `ints-64` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/ints_64/bindings/cm"
	"knit.test/ints_64/bindings/knit/ints_64/host"
	"knit.test/ints_64/bindings/ints_64"
)

type component struct{}

func (component) EchoU64(x uint64) uint64 { return x }

func (component) EchoS64(x int64) int64 { return x }

func (component) NegatePair(a uint64, b int64) cm.Tuple2[int64, uint64] {
	return cm.Tuple2[int64, uint64]{F0: -b, F1: -a}
}

func check[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}

func (component) CheckImports() error {
	for _, x := range []uint64{0, 1, math.MaxUint64 / 2, math.MaxUint64/2 + 1, math.MaxUint64} {
		if err := check("echo-u64", host.EchoU64(x), x); err != nil {
			return err
		}
	}
	for _, x := range []int64{math.MinInt64, -1, 0, 1, math.MaxInt64} {
		if err := check("echo-s64", host.EchoS64(x), x); err != nil {
			return err
		}
	}
	checks := []error{
		check("add-u64(max, 1)", host.AddU64(math.MaxUint64, 1), 0),
		check("add-u64(max, max)", host.AddU64(math.MaxUint64, math.MaxUint64), math.MaxUint64-1),
		check("sub-s64(min, 1)", host.SubS64(math.MinInt64, 1), math.MaxInt64),
		check("sub-s64(max, -1)", host.SubS64(math.MaxInt64, -1), math.MinInt64),
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { ints_64.SetExports(component{}) }

func main() {}
