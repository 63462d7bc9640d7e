// The `floats-32` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/floats_32/bindings/knit/floats_32/host"
	"knit.test/floats_32/bindings/floats_32"
)

type component struct{}

func (component) Echo(x float32) float32 { return x }

func (component) FromBits(bits uint32) float32 { return math.Float32frombits(bits) }

func (component) Sum(xs []float32) float32 {
	var sum float32
	for _, x := range xs {
		sum += x
	}
	return sum
}

var values = []uint32{0, 1 << 31, 0x007fffff /* largest subnormal */, math.Float32bits(math.MaxFloat32), math.Float32bits(-math.MaxFloat32), math.Float32bits(float32(math.Inf(1))), math.Float32bits(float32(math.Inf(-1))), 0x7fc00001, 0xffc01234}

func (component) CheckImports() error {
	for _, bits := range values {
		back := math.Float32bits(host.Echo(math.Float32frombits(bits)))
		if back != bits {
			return fmt.Errorf("echo(%#x) came back as %#x", bits, back)
		}
		seen := host.ToBits(math.Float32frombits(bits))
		if seen != bits {
			return fmt.Errorf("the host saw %#x as %#x", bits, seen)
		}
	}
	return nil
}

func init() { floats_32.SetExports(component{}) }

func main() {}
