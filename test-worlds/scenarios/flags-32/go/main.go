// The `flags-32` scenario's Go guest.
package main

import (
	"fmt"

	"knit.test/flags_32/bindings/cm"
	"knit.test/flags_32/bindings/knit/flags_32/host"
	"knit.test/flags_32/bindings/knit/flags_32/types"
	"knit.test/flags_32/bindings/flags_32"
)

type component struct{}

func (component) Echo(s types.Set) types.Set { return s }

func (component) Intersect(a, b types.Set) cm.Tuple2[types.Set, bool] {
	both := a & b
	return cm.Tuple2[types.Set, bool]{F0: both, F1: both == 0}
}

const all = types.SetF0 | types.SetF1 | types.SetF2 | types.SetF3 | types.SetF4 | types.SetF5 | types.SetF6 | types.SetF7 | types.SetF8 | types.SetF9 | types.SetF10 | types.SetF11 | types.SetF12 | types.SetF13 | types.SetF14 | types.SetF15 | types.SetF16 | types.SetF17 | types.SetF18 | types.SetF19 | types.SetF20 | types.SetF21 | types.SetF22 | types.SetF23 | types.SetF24 | types.SetF25 | types.SetF26 | types.SetF27 | types.SetF28 | types.SetF29 | types.SetF30 | types.SetF31

func (component) CheckImports() error {
	checks := [][2]types.Set{
		{host.Complement(0), all},
		{host.Complement(all), 0},
		{host.Complement(all &^ types.SetF0), types.SetF0},
		{host.Complement(all &^ types.SetF31), types.SetF31},
		{host.UnionAll(nil), 0},
		{host.UnionAll([]types.Set{types.SetF0, types.SetF31, types.SetF0}), types.SetF0 | types.SetF31},
	}
	for i, c := range checks {
		if c[0] != c[1] {
			return fmt.Errorf("check %d: got %b, want %b", i, c[0], c[1])
		}
	}
	return nil
}

func init() { flags_32.SetExports(component{}) }

func main() {}
