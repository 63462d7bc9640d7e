// The `hard-import-export` scenario's Go guest: interfaces `e1` and `e2` (which uses `e1`'s types,
// one renamed) both imported and exported, and a world-level export taking the imported `x`
// through the world's `use`.
package main

import (
	"errors"

	"knit.test/hard_import_export/bindings/exports/knit/hard_import_export/e1"
	"knit.test/hard_import_export/bindings/exports/knit/hard_import_export/e2"
	"knit.test/hard_import_export/bindings/hard_import_export"
	host_e1 "knit.test/hard_import_export/bindings/knit/hard_import_export/e1"
	host_e2 "knit.test/hard_import_export/bindings/knit/hard_import_export/e2"
)

// live counts the guest's own x alive.
var live uint32

type myX struct{ v uint32 }

func (x *myX) Get() uint32 { return x.v }

// Drop runs when the host drops its handle, or when the guest is done with an x it was given.
func (x *myX) Drop() { live-- }

type e1Impl struct{}

func (e1Impl) NewX(v uint32) e1.X {
	live++
	return &myX{v: v}
}

func (e e1Impl) Make(v uint32) e1.X { return e.NewX(v) }

func (e1Impl) Live() uint32 { return live }

type e2Impl struct{}

// Take receives the guest's own x (exported `e1`'s, not the host's) and the exported `foo`.
func (e2Impl) Take(v e2.X, b e2.Bar) uint32 {
	defer v.(*myX).Drop()
	return v.Get()*1000 + b.A
}

func (e2Impl) MakeBar() e2.Bar { return e1.Foo{A: 8} }

type component struct{}

// Many receives imported (host) x, the world's `x`: it reads each, then drops them in order.
func (component) Many(xs []hard_import_export.X) uint32 {
	var sum uint32
	for _, x := range xs {
		sum += x.Get()
	}
	for _, x := range xs {
		x.Drop()
	}
	return sum
}

// expect fails with what when ok is false.
func expect(ok bool, what string) error {
	if ok {
		return nil
	}
	return errors.New(what)
}

func (component) Exercise() error {
	a := host_e1.NewX(3)
	b := host_e1.Make(4)
	if err := expect(a.Get() == 3 && b.Get() == 4, "the host's x answered wrong values"); err != nil {
		return err
	}
	if err := expect(host_e1.Live() == 2, "the host does not hold 2 x"); err != nil {
		return err
	}
	var bar host_e2.Bar = host_e2.MakeBar()
	if err := expect(bar == host_e1.Foo{A: 7}, "make-bar returned the wrong bar"); err != nil {
		return err
	}
	if err := expect(host_e2.Take(a, bar) == 3007, "take answered wrong"); err != nil {
		return err
	}
	if err := expect(host_e1.Live() == 1, "take did not drop its x"); err != nil {
		return err
	}
	b.Drop()
	return expect(host_e1.Live() == 0, "the host still holds x")
}

func init() {
	hard_import_export.SetExports(component{})
	e1.SetExports(e1Impl{})
	e2.SetExports(e2Impl{})
}

func main() {}
