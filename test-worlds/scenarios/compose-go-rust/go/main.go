// The `compose-go-rust` scenario's Go component: its `run` export calls the Rust component's
// `math` exports (after composition) for both the arithmetic and the text.
package main

import (
	"strconv"

	"knit.test/compose_go_rust/bindings/go_side"
	"knit.test/compose_go_rust/bindings/knit/compose_go_rust/math"
)

type component struct{}

func (component) Run(a, b uint32) string {
	sum := math.Add(a, b)
	return math.Join([]string{strconv.Itoa(int(a)), "+", strconv.Itoa(int(b)), "=", strconv.Itoa(int(sum)), "(from Go via Rust)"}, " ")
}

func init() { go_side.SetExports(component{}) }

func main() {}
