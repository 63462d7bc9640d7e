// The `floats-64` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/floats_64/bindings/knit/floats_64/host"
	"knit.test/floats_64/bindings/floats_64"
)

type component struct{}

func (component) Echo(x float64) float64 { return x }

func (component) FromBits(bits uint64) float64 { return math.Float64frombits(bits) }

func (component) Sum(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum
}

var values = []uint64{0, 1 << 63, 0x000fffffffffffff /* largest subnormal */, math.Float64bits(math.MaxFloat64), math.Float64bits(-math.MaxFloat64), math.Float64bits(float64(math.Inf(1))), math.Float64bits(float64(math.Inf(-1))), 0x7ff8000000000001, 0xfff8000000001234}

func (component) CheckImports() error {
	for _, bits := range values {
		back := math.Float64bits(host.Echo(math.Float64frombits(bits)))
		if back != bits {
			return fmt.Errorf("echo(%#x) came back as %#x", bits, back)
		}
		seen := host.ToBits(math.Float64frombits(bits))
		if seen != bits {
			return fmt.Errorf("the host saw %#x as %#x", bits, seen)
		}
	}
	return nil
}

func init() { floats_64.SetExports(component{}) }

func main() {}
