// The `lists-large` scenario's Go guest.
package main

import (
	"fmt"

	"knit.test/lists_large/bindings/lists_large"
	"knit.test/lists_large/bindings/cm"
	"knit.test/lists_large/bindings/knit/lists_large/host"
)

type component struct{}

func digestOf(bytes []uint8) cm.Tuple2[uint32, uint32] {
	var sum uint32
	for _, b := range bytes {
		sum += uint32(b)
	}
	return cm.Tuple2[uint32, uint32]{F0: sum, F1: uint32(len(bytes))}
}

func (component) Digest(bytes []uint8) cm.Tuple2[uint32, uint32] { return digestOf(bytes) }

func (component) Invert(bytes []uint8) []uint8 {
	out := make([]uint8, len(bytes))
	for i, b := range bytes {
		out[i] = ^b
	}
	return out
}

func (component) CheckImports() error {
	made := host.Make(1_000_000)
	if len(made) != 1_000_000 {
		return fmt.Errorf("make(1000000) returned %d bytes", len(made))
	}
	for i, b := range made {
		if b != uint8(i*7%256) {
			return fmt.Errorf("make(1000000) returned a wrong byte at %d", i)
		}
	}
	mine := make([]uint8, 1_000_000)
	for i := range mine {
		mine[i] = uint8(i % 251)
	}
	if seen := host.Digest(mine); seen != digestOf(mine) {
		return fmt.Errorf("the host digested %v, want %v", seen, digestOf(mine))
	}
	return nil
}

func init() { lists_large.SetExports(component{}) }

func main() {}
