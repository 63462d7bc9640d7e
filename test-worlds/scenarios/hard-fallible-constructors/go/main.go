// The `hard-fallible-constructors` scenario's Go guest: exported resources whose constructors
// return `result`, and the host's resources with the same constructors, called both ways.
package main

import (
	"errors"
	"fmt"

	"knit.test/hard_fallible_constructors/bindings/cm"
	"knit.test/hard_fallible_constructors/bindings/exports/knit/hard_fallible_constructors/things"
	"knit.test/hard_fallible_constructors/bindings/hard_fallible_constructors"
	host "knit.test/hard_fallible_constructors/bindings/knit/hard_fallible_constructors/things"
)

// live counts the guest's x, y and w alive.
var live uint32

// gone counts a destroyed value and tells the host.
func gone(what string) {
	live--
	hard_fallible_constructors.Dropped(what)
}

type myX struct{ name string }

func (x *myX) Name() string { return x.name }

// Drop runs when the host drops its handle.
func (x *myX) Drop() { gone("x " + x.name) }

type myY struct{ n uint32 }

func (y *myY) N() uint32 { return y.n }
func (y *myY) Drop()     { gone(fmt.Sprintf("y %d", y.n)) }

type myW struct{ text string }

func (w *myW) Text() string { return w.text }
func (w *myW) Drop()        { gone("w " + w.text) }

type thingsImpl struct{}

func (thingsImpl) NewX(s string) (things.X, error) {
	if s == "" {
		return nil, errors.New("empty name")
	}
	live++
	return &myX{name: s}, nil
}

func (thingsImpl) NewY(n uint32) cm.Result[things.Y, struct{}] {
	if n == 0 {
		return cm.Err[things.Y](struct{}{})
	}
	live++
	return cm.Ok[things.Y, struct{}](&myY{n: n})
}

func (thingsImpl) NewW(s string) cm.Result[things.W, things.Why] {
	if s == "" {
		return cm.Err[things.W](things.WhyEmpty)
	}
	if len(s) > 3 {
		return cm.Err[things.W](things.WhyTooLong)
	}
	live++
	return cm.Ok[things.W, things.Why](&myW{text: s})
}

func (thingsImpl) Live() uint32 { return live }

type component struct{}

// expect fails with what when ok is false.
func expect(ok bool, what string) error {
	if ok {
		return nil
	}
	return errors.New(what)
}

func (component) Exercise() error {
	if _, err := host.NewX(""); err == nil || err.Error() != "empty name" {
		return fmt.Errorf("x(\"\") did not fail with `empty name`: %v", err)
	}
	x, err := host.NewX("ab")
	if err != nil {
		return fmt.Errorf("x(\"ab\") failed: %v", err)
	}
	if err := expect(x.Name() == "ab", "x(\"ab\").name() is wrong"); err != nil {
		return err
	}
	if err := expect(host.NewY(0).IsErr(), "y(0) did not fail"); err != nil {
		return err
	}
	yr := host.NewY(7)
	if yr.IsErr() {
		return errors.New("y(7) failed")
	}
	y := yr.OK()
	if err := expect(y.N() == 7, "y(7).n() is wrong"); err != nil {
		return err
	}
	if r := host.NewW(""); !r.IsErr() || r.Err() != host.WhyEmpty {
		return errors.New("w(\"\") did not fail with `empty`")
	}
	if r := host.NewW("long"); !r.IsErr() || r.Err() != host.WhyTooLong {
		return errors.New("w(\"long\") did not fail with `too-long`")
	}
	wr := host.NewW("abc")
	if wr.IsErr() {
		return fmt.Errorf("w(\"abc\") failed: %v", wr.Err())
	}
	w := wr.OK()
	if err := expect(w.Text() == "abc", "w(\"abc\").text() is wrong"); err != nil {
		return err
	}
	if err := expect(host.Live() == 3, "the host does not hold 3 values"); err != nil {
		return err
	}
	x.Drop()
	y.Drop()
	w.Drop()
	return expect(host.Live() == 0, "the host still holds values")
}

func init() {
	hard_fallible_constructors.SetExports(component{})
	things.SetExports(thingsImpl{})
}

func main() {}
