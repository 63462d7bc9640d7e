// The `results-nested` scenario's Go guest.
package main

import (
	"fmt"
	"math"

	"knit.test/results_nested/bindings/results_nested"
	"knit.test/results_nested/bindings/cm"
	"knit.test/results_nested/bindings/knit/results_nested/host"
)

type component struct{}

type nested = cm.Result[cm.Result[uint32, int8], cm.Option[string]]

func (component) Echo(r nested) nested { return r }

func (component) Bare(ok bool) cm.Result[struct{}, struct{}] {
	if ok {
		return cm.Ok[struct{}, struct{}](struct{}{})
	}
	return cm.Err[struct{}, struct{}](struct{}{})
}

func (component) OkOnly(x uint16) cm.Result[uint16, struct{}] {
	if x%2 == 0 {
		return cm.Ok[uint16, struct{}](x)
	}
	return cm.Err[uint16, struct{}](struct{}{})
}

func (component) ErrOnly(x uint16) cm.Result[struct{}, uint16] {
	if x%2 == 0 {
		return cm.Ok[struct{}, uint16](struct{}{})
	}
	return cm.Err[struct{}, uint16](x)
}

func (component) ParseAll(xs []string) []cm.Result[int64, string] {
	out := make([]cm.Result[int64, string], len(xs))
	for i, s := range xs {
		if v, err := host.Parse(s); err != nil {
			out[i] = cm.Err[int64, string](err.Error())
		} else {
			out[i] = cm.Ok[int64, string](v)
		}
	}
	return out
}

func (component) CheckImports() error {
	if v, err := host.Parse("-9223372036854775808"); err != nil || v != math.MinInt64 {
		return fmt.Errorf("parse returned %v, %v", v, err)
	}
	if _, err := host.Parse(""); err == nil || err.Error() != "empty" {
		return fmt.Errorf("parse empty returned %v", err)
	}
	type in = cm.Result[cm.Result[uint8, string], struct{}]
	checks := []struct {
		r    in
		want string
	}{
		{cm.Ok[cm.Result[uint8, string], struct{}](cm.Ok[uint8, string](255)), "ok ok 255"},
		{cm.Ok[cm.Result[uint8, string], struct{}](cm.Err[uint8, string]("ë")), "ok err ë"},
		{cm.Err[cm.Result[uint8, string], struct{}](struct{}{}), "err"},
	}
	for _, c := range checks {
		if got := host.Classify(c.r); got != c.want {
			return fmt.Errorf("classify returned %q, want %q", got, c.want)
		}
	}
	return nil
}

func init() { results_nested.SetExports(component{}) }

func main() {}
