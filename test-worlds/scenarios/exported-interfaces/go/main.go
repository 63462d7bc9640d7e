// The `exported-interfaces` scenario's Go guest: two exported interfaces with clashing function
// names in a versioned package, beside world-level exports.
package main

import (
	"unicode/utf8"

	"knit.test/exported_interfaces/bindings/exported_interfaces"
	"knit.test/exported_interfaces/bindings/exports/knit/exported_interfaces/math"
	"knit.test/exported_interfaces/bindings/exports/knit/exported_interfaces/text"
	"knit.test/exported_interfaces/bindings/knit/exported_interfaces/host_math"
)

// mathExports implements `math` (Go's int32 arithmetic wraps, like the WIT contract wants).
type mathExports struct{}

func (mathExports) Add(a, b int32) int32 { return a + b }

func (mathExports) Neg(a int32) int32 { return -a }

// textExports implements `text`, where `add` concatenates.
type textExports struct{}

func (textExports) Add(a, b string) string { return a + b }

func (textExports) Len(s string) uint32 { return uint32(utf8.RuneCountInString(s)) }

// worldExports implements the world-level functions.
type worldExports struct{}

func (worldExports) Version() string { return "1.2.0" }

func (worldExports) Agree(a, b int32) bool {
	return host_math.Add(a, b) == mathExports{}.Add(a, b)
}

func init() {
	math.SetExports(mathExports{})
	text.SetExports(textExports{})
	exported_interfaces.SetExports(worldExports{})
}

func main() {}
