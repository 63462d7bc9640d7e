// The `basics` scenario's Go guest.
package main

import (
	"fmt"
	"strings"

	"knit.test/basics/bindings/basics"
	"knit.test/basics/bindings/knit/basics/host"
)

type component struct{}

func (component) Greet(name string) string { return "hello, " + name + "!" }

func (component) SumPoints(points []basics.Point) basics.Point {
	var sum basics.Point
	labels := make([]string, 0, len(points))
	for _, p := range points {
		sum.X += p.X
		sum.Y += p.Y
		labels = append(labels, p.Label)
	}
	sum.Label = strings.Join(labels, "+")
	return sum
}

func (component) CheckedDiv(a, b uint32) (uint32, error) {
	if b == 0 {
		return 0, fmt.Errorf("cannot divide %d by zero", a)
	}
	return a / b, nil
}

func (component) CallHost(x uint32) uint32 {
	host.Log(fmt.Sprintf("call-host(%d)", x))
	return host.AddOne(x) * 2
}

func init() { basics.SetExports(component{}) }

func main() {}
