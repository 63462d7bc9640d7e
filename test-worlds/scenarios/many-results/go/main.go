// The `many-results` scenario's Go guest.
package main

import (
	"fmt"

	"knit.test/many_results/bindings/many_results"
	"knit.test/many_results/bindings/cm"
	"knit.test/many_results/bindings/knit/many_results/host"
	"knit.test/many_results/bindings/knit/many_results/types"
)

type component struct{}

type spread = cm.Tuple8[uint8, uint16, uint32, uint64, int8, float32, float64, bool]

func (component) Spread(x uint8) spread {
	return spread{F0: x, F1: uint16(x) * 256, F2: uint32(x) * 65536, F3: uint64(x) << 40, F4: -int8(x % 128), F5: float32(x) / 2, F6: float64(x) / 4, F7: x%2 == 1}
}

func statsOf(name string, xs []int64) types.Stats {
	s := types.Stats{Count: uint32(len(xs)), Name: name}
	for i, x := range xs {
		if i == 0 || x < s.Min {
			s.Min = x
		}
		if i == 0 || x > s.Max {
			s.Max = x
		}
		s.Mean += float64(x)
	}
	if len(xs) > 0 {
		s.Mean /= float64(len(xs))
	}
	for _, r := range name {
		s.First = cm.Some(r)
		break
	}
	return s
}

func (component) ComputeStats(name string, xs []int64) types.Stats { return statsOf(name, xs) }

func (component) CheckImports() error {
	if got := host.Divmod(-7, 2); got != (cm.Tuple3[int32, int32, string]{F0: -3, F1: -1, F2: "-7 = 2 * -3 + -1"}) {
		return fmt.Errorf("divmod returned %+v", got)
	}
	xs := []int64{3, -9, 1<<63 - 1}
	if got, want := host.ComputeStats("ñame", xs), statsOf("ñame", xs); got != want {
		return fmt.Errorf("stats returned %+v, want %+v", got, want)
	}
	return nil
}

func init() { many_results.SetExports(component{}) }

func main() {}
