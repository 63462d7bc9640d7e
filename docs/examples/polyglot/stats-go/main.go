// The statistics, in Go, exported through knit's Go bindings (generated into bindings/ by the
// build).
package main

import (
	"fmt"
	"runtime"

	"demo.knit/stats/bindings/exports/demo/polyglot/stats"
)

type component struct{}

func (component) Summarize(values []float64) stats.Summary {
	s := stats.Summary{Count: uint32(len(values))}
	total := 0.0
	for i, v := range values {
		total += v
		if i == 0 || v > s.Max {
			s.Max = v
		}
	}
	if len(values) > 0 {
		s.Mean = total / float64(len(values))
	}
	s.Line = fmt.Sprintf("Go: %d values, mean %.2f, max %.2f (%s)", s.Count, s.Mean, s.Max, runtime.Version())
	return s
}

func init() { stats.SetExports(component{}) }

func main() {}
