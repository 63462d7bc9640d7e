// The `with-wasi` scenario's Go guest: reads the WASI wall clock through the generated import and
// does arithmetic on its type.
package main

import (
	"knit.test/with_wasi/bindings/wasi/clocks/wall_clock"
	"knit.test/with_wasi/bindings/with_wasi"
)

type component struct{}

func (component) Now() with_wasi.Datetime { return wall_clock.Now() }

func (component) Later(t with_wasi.Datetime, seconds uint64) with_wasi.Datetime {
	return with_wasi.Datetime{Seconds: t.Seconds + seconds, Nanoseconds: t.Nanoseconds}
}

func init() { with_wasi.SetExports(component{}) }

func main() {}
