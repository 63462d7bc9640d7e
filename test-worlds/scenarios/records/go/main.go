// The `records` scenario's Go guest.
package main

import (
	"fmt"
	"math"
	"reflect"

	"knit.test/records/bindings/records"
	"knit.test/records/bindings/cm"
	"knit.test/records/bindings/knit/records/host"
	"knit.test/records/bindings/knit/records/types"
)

type component struct{}

func (component) EchoMixed(m types.Mixed) types.Mixed { return m }

func (component) Midpoint(l types.Line) types.Point {
	return types.Point{X: (l.Start.X + l.End.X) / 2, Y: (l.Start.Y + l.End.Y) / 2}
}

func (component) Wrap(x uint32) types.Wrapper { return types.Wrapper{Inner: x} }

func check(what string, got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%s: got %+v, want %+v", what, got, want)
	}
	return nil
}

func (component) CheckImports() error {
	m := types.Mixed{A: 255, B: math.MaxUint64, C: 7, D: 1.5, E: true, F: math.MaxInt64, G: 'y'}
	line := types.Line{Start: types.Point{X: 1, Y: 2}, End: types.Point{X: 3, Y: 4}, Label: cm.Some("ab")}
	e := types.Empties{Names: []string{}, Maybe: cm.None[uint8]()}
	for _, err := range []error{
		check("bump", host.Bump(m), types.Mixed{A: 0, B: 0, C: 8, D: 2.5, E: false, F: math.MinInt64, G: 'z'}),
		check("reverse", host.Reverse(line), types.Line{Start: types.Point{X: 3, Y: 4}, End: types.Point{X: 1, Y: 2}, Label: cm.Some("AB")}),
		check("unwrap", host.Unwrap(types.Wrapper{Inner: 42}), uint32(42)),
		check("echo-empties", host.EchoEmpties(e), e),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { records.SetExports(component{}) }

func main() {}
