// The `lists-primitive` scenario's Go guest.
package main

import (
	"fmt"
	"math"
	"reflect"

	"knit.test/lists_primitive/bindings/lists_primitive"
	"knit.test/lists_primitive/bindings/cm"
	"knit.test/lists_primitive/bindings/knit/lists_primitive/host"
)

type component struct{}

func (component) EchoU32(xs []uint32) []uint32 { return xs }

func (component) EchoS8(xs []int8) []int8 { return xs }

func (component) PrefixSums(xs []int64) []int64 {
	out := make([]int64, len(xs))
	var acc int64
	for i, x := range xs {
		acc += x
		out[i] = acc
	}
	return out
}

func (component) Lengths(a []uint8, b []float32, c []rune) cm.Tuple3[uint32, uint32, uint32] {
	return cm.Tuple3[uint32, uint32, uint32]{F0: uint32(len(a)), F1: uint32(len(b)), F2: uint32(len(c))}
}

func check(what string, got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}

func (component) CheckImports() error {
	for _, err := range []error{
		check("double-u16([])", host.DoubleU16(nil), []uint16{}),
		check("double-u16", host.DoubleU16([]uint16{0, 1, 0x8000, 0xffff}), []uint16{0, 2, 0, 0xfffe}),
		check("reverse-s64([])", host.ReverseS64(nil), []int64{}),
		check("reverse-s64", host.ReverseS64([]int64{math.MinInt64, 0, math.MaxInt64}), []int64{math.MaxInt64, 0, math.MinInt64}),
		check("negate-f64", host.NegateF64([]float64{1.5, math.Copysign(0, -1), math.Inf(1)}), []float64{-1.5, 0, math.Inf(-1)}),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { lists_primitive.SetExports(component{}) }

func main() {}
