// The `options-nested` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/options_nested/bindings/options_nested"
	"knit.test/options_nested/bindings/cm"
	"knit.test/options_nested/bindings/knit/options_nested/host"
)

type component struct{}

type deep = cm.Option[cm.Option[cm.Option[int16]]]

func (component) Echo(x deep) deep { return x }

func (component) Present(xs []cm.Option[string]) []uint32 {
	out := []uint32{}
	for _, x := range xs {
		if s, ok := x.Get(); ok {
			out = append(out, uint32(len(s)))
		}
	}
	return out
}

func (component) MaybePair(a cm.Option[uint8], b cm.Option[float64]) cm.Option[cm.Tuple2[uint8, float64]] {
	if a.IsNone() || b.IsNone() {
		return cm.None[cm.Tuple2[uint8, float64]]()
	}
	return cm.Some(cm.Tuple2[uint8, float64]{F0: a.Value(), F1: b.Value()})
}

func check[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("%s: got %+v, want %+v", what, got, want)
	}
	return nil
}

type s3 = cm.Option[cm.Option[cm.Option[string]]]

func (component) CheckImports() error {
	type oo = cm.Option[cm.Option[uint32]]
	for _, err := range []error{
		check("flatten(none)", host.Flatten(cm.None[cm.Option[uint32]]()), cm.None[uint32]()),
		check("flatten(some(none))", host.Flatten(cm.Some(cm.None[uint32]())), cm.None[uint32]()),
		check("flatten(some(some(max)))", host.Flatten(oo(cm.Some(cm.Some[uint32](math.MaxUint32)))), cm.Some[uint32](math.MaxUint32)),
		check("deepen 0", host.Deepen("x", 0), s3(cm.None[cm.Option[cm.Option[string]]]())),
		check("deepen 1", host.Deepen("x", 1), s3(cm.Some(cm.None[cm.Option[string]]()))),
		check("deepen 2", host.Deepen("x", 2), s3(cm.Some(cm.Some(cm.None[string]())))),
		check("deepen 3", host.Deepen("ÿ", 3), s3(cm.Some(cm.Some(cm.Some("ÿ"))))),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { options_nested.SetExports(component{}) }

func main() {}
