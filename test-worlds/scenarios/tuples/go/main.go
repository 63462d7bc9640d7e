// The `tuples` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/tuples/bindings/tuples"
	"knit.test/tuples/bindings/cm"
	"knit.test/tuples/bindings/knit/tuples/host"
)

type component struct{}

func (component) Single(t cm.Tuple1[uint32]) cm.Tuple1[uint32] { return t }

func (component) Rotate(t cm.Tuple3[bool, rune, string]) cm.Tuple3[rune, string, bool] {
	return cm.Tuple3[rune, string, bool]{F0: t.F1, F1: t.F2, F2: t.F0}
}

type nested = cm.Tuple3[cm.Tuple2[uint8, uint8], cm.Tuple1[string], []cm.Tuple2[uint16, int8]]

func (component) Nested(t nested) nested { return t }

func (component) CheckImports() error {
	swapped := host.Swap(cm.Tuple2[string, uint64]{F0: "ü", F1: math.MaxUint64})
	if swapped != (cm.Tuple2[uint64, string]{F0: math.MaxUint64, F1: "ü"}) {
		return fmt.Errorf("swap returned %+v", swapped)
	}
	sum := host.Widen(cm.Tuple6[uint8, int16, uint32, int64, float32, float64]{F0: 255, F1: -32768, F2: math.MaxUint32, F3: -1, F4: 0.5, F5: 0.25})
	want := 255.0 - 32768.0 + float64(math.MaxUint32) - 1.0 + 0.75
	if sum != want {
		return fmt.Errorf("widen returned %v, want %v", sum, want)
	}
	return nil
}

func init() { tuples.SetExports(component{}) }

func main() {}
