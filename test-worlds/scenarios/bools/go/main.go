// The `bools` scenario's Go guest.
package main

import (
	"errors"

	"knit.test/bools/bindings/bools"
	"knit.test/bools/bindings/cm"
	"knit.test/bools/bindings/knit/bools/host"
)

type component struct{}

func (component) Xor(a, b bool) bool { return a != b }

func (component) Count(xs []bool) cm.Tuple2[uint32, bool] {
	var n uint32
	for _, x := range xs {
		if x {
			n++
		}
	}
	return cm.Tuple2[uint32, bool]{F0: n, F1: n > 0}
}

func (component) CheckImports() error {
	if host.Not(true) || !host.Not(false) {
		return errors.New("not() is wrong")
	}
	if !host.All(nil) || !host.All([]bool{true, true}) || host.All([]bool{true, false, true}) {
		return errors.New("all() is wrong")
	}
	return nil
}

func init() { bools.SetExports(component{}) }

func main() {}
