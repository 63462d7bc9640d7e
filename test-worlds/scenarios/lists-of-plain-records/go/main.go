// The `lists-of-plain-records` scenario's Go guest: lists of number-only records.
package main

import (
	"fmt"
	"slices"

	"knit.test/lists_of_plain_records/bindings/knit/lists_of_plain_records/host"
	"knit.test/lists_of_plain_records/bindings/knit/lists_of_plain_records/types"
	"knit.test/lists_of_plain_records/bindings/lists_of_plain_records"
)

type component struct{}

func sample(id uint32) types.Sample {
	return types.Sample{Id: id, Value: float64(id) / 2, Flag: uint8(id % 256)}
}

func (component) Scale(samples []types.Sample, factor float64) []types.Sample {
	out := make([]types.Sample, 0, len(samples))
	for _, s := range samples {
		out = append(out, types.Sample{Id: s.Id, Value: s.Value * factor, Flag: s.Flag + 1})
	}
	return out
}

func (component) SumIds(samples []types.Sample) uint64 {
	var sum uint64
	for _, s := range samples {
		sum += uint64(s.Id)
	}
	return sum
}

func (component) Heavy(spans []types.Span, min float32) []types.Span {
	out := []types.Span{}
	for _, s := range spans {
		if s.Weight >= min {
			out = append(out, s)
		}
	}
	return out
}

func (component) CheckImports() error {
	input := []types.Sample{sample(1), sample(2), sample(300)}
	reversed := host.ReverseNegate(input)
	want := []types.Sample{}
	for i := len(input) - 1; i >= 0; i-- {
		s := input[i]
		s.Value = -s.Value
		want = append(want, s)
	}
	if !slices.Equal(reversed, want) {
		return fmt.Errorf("reverse-negate returned %+v", reversed)
	}
	made := host.Make(100_000)
	if len(made) != 100_000 {
		return fmt.Errorf("make(100000) returned %d samples", len(made))
	}
	for i, s := range made {
		if s != sample(uint32(i)) {
			return fmt.Errorf("make(100000)[%d] is %+v", i, s)
		}
	}
	if len(host.Make(0)) != 0 {
		return fmt.Errorf("make(0) is not empty")
	}
	swapped := host.SwapSpans([]types.Span{{Start: sample(1), End: sample(2), Weight: 0.5}})
	if len(swapped) != 1 || swapped[0].Start != sample(2) || swapped[0].End != sample(1) {
		return fmt.Errorf("swap-spans returned %+v", swapped)
	}
	return nil
}

func init() { lists_of_plain_records.SetExports(component{}) }

func main() {}
