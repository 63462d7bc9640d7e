// The `trappable-imports` scenario's Go guest: calls into a host that may trap.
package main

import (
	"knit.test/trappable_imports/bindings/knit/trappable_imports/host"
	"knit.test/trappable_imports/bindings/trappable_imports"
)

type component struct{}

func (component) Ask(question string) string { return "host says: " + host.Answer(question) }

func (component) SumNonzero(xs []uint32) uint32 {
	var sum uint32
	for _, x := range xs {
		sum += host.Nonzero(x)
	}
	return sum
}

func init() { trappable_imports.SetExports(component{}) }

func main() {}
