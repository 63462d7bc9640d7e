// The `compose-go-rust` scenario's Go component: its `describe` exports call the Rust component's
// `math` exports (once composed) for both the arithmetic and the text, and the Rust application
// component calls `describe`.
package main

import (
	"strconv"

	"knit.test/compose_go_rust/bindings/exports/knit/compose_go_rust/describe"
	"knit.test/compose_go_rust/bindings/knit/compose_go_rust/math"
)

type component struct{}

func (component) Add(a, b uint32) describe.Sum {
	return describe.Sum{A: a, B: b, Total: math.Add(a, b)}
}

func (component) Sentence(a, b uint32) string {
	sum := math.Add(a, b)
	words := []string{strconv.Itoa(int(a)), "+", strconv.Itoa(int(b)), "=", strconv.Itoa(int(sum)), "(from Go via Rust)"}
	return math.Join(words, " ")
}

func init() { describe.SetExports(component{}) }

func main() {}
