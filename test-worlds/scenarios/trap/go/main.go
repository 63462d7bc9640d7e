// The `trap` scenario's Go guest: panics that end the call (Go's runtime prints the panic on
// stderr and exits with status 2, which the host sees as the call failing).
package main

import (
	"fmt"

	"knit.test/trap/bindings/knit/trap/host"
	"knit.test/trap/bindings/trap"
)

type component struct{}

// Divide panics with Go's "integer divide by zero" runtime error when b is zero.
func (component) Divide(a, b uint32) uint32 {
	host.Reached(fmt.Sprintf("divide %d %d", a, b))
	return a / b
}

func (component) PanicWith(msg string) {
	host.Reached("panic-with")
	panic(msg)
}

func init() { trap.SetExports(component{}) }

func main() {}
