// The `flags-17` scenario's Go guest.
package main

import (
	"fmt"

	"knit.test/flags_17/bindings/cm"
	"knit.test/flags_17/bindings/knit/flags_17/host"
	"knit.test/flags_17/bindings/knit/flags_17/types"
	"knit.test/flags_17/bindings/flags_17"
)

type component struct{}

func (component) Echo(s types.Set) types.Set { return s }

func (component) Intersect(a, b types.Set) cm.Tuple2[types.Set, bool] {
	both := a & b
	return cm.Tuple2[types.Set, bool]{F0: both, F1: both == 0}
}

const all = types.SetF0 | types.SetF1 | types.SetF2 | types.SetF3 | types.SetF4 | types.SetF5 | types.SetF6 | types.SetF7 | types.SetF8 | types.SetF9 | types.SetF10 | types.SetF11 | types.SetF12 | types.SetF13 | types.SetF14 | types.SetF15 | types.SetF16

func (component) CheckImports() error {
	checks := [][2]types.Set{
		{host.Complement(0), all},
		{host.Complement(all), 0},
		{host.Complement(all &^ types.SetF0), types.SetF0},
		{host.Complement(all &^ types.SetF16), types.SetF16},
		{host.UnionAll(nil), 0},
		{host.UnionAll([]types.Set{types.SetF0, types.SetF16, types.SetF0}), types.SetF0 | types.SetF16},
	}
	for i, c := range checks {
		if c[0] != c[1] {
			return fmt.Errorf("check %d: got %b, want %b", i, c[0], c[1])
		}
	}
	return nil
}

func init() { flags_17.SetExports(component{}) }

func main() {}
