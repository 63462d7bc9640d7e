// The `variants` scenario's Go guest.
package main

import (
	"fmt"
	"strconv"
	"strings"

	"knit.test/variants/bindings/variants"
	"knit.test/variants/bindings/cm"
	"knit.test/variants/bindings/knit/variants/host"
	"knit.test/variants/bindings/knit/variants/types"
)

type component struct{}

func all() []types.Shape {
	return []types.Shape{
		types.ShapeNothing(),
		types.ShapeSmall(255),
		types.ShapeWide(1<<64 - 1),
		types.ShapeFloat(-1.5),
		types.ShapeDouble(-0.125),
		types.ShapeText("ünï"),
		types.ShapePair(cm.Tuple2[uint16, int64]{F0: 7, F1: -1 << 63}),
		types.ShapeMany([]types.ShapeLeaf{types.ShapeLeafFlag(true), types.ShapeLeafCode(0x10ffff)}),
	}
}

func (component) Echo(s types.Shape) types.Shape { return s }

func (component) AllCases() []types.Shape { return all() }

// debugFloat prints a float the way Rust's Debug does (always with a fraction).
func debugFloat(x float64, bits int) string {
	s := strconv.FormatFloat(x, 'f', -1, bits)
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
}

func debugLeaf(l types.ShapeLeaf) string {
	if l.Tag() == types.ShapeLeafTagFlag {
		return fmt.Sprintf("Flag(%t)", l.Flag())
	}
	return fmt.Sprintf("Code('%c')", l.Code())
}

// debug prints a shape the way the Rust guest's Debug does.
func debug(s types.Shape) string {
	switch s.Tag() {
	case types.ShapeTagNothing:
		return "Nothing"
	case types.ShapeTagSmall:
		return fmt.Sprintf("Small(%d)", s.Small())
	case types.ShapeTagWide:
		return fmt.Sprintf("Wide(%d)", s.Wide())
	case types.ShapeTagFloat:
		return "Float(" + debugFloat(float64(s.Float()), 32) + ")"
	case types.ShapeTagDouble:
		return "Double(" + debugFloat(s.Double(), 64) + ")"
	case types.ShapeTagText:
		return fmt.Sprintf("Text(%q)", s.Text())
	case types.ShapeTagPair:
		return fmt.Sprintf("Pair((%d, %d))", s.Pair().F0, s.Pair().F1)
	}
	leaves := []string{}
	for _, l := range s.Many() {
		leaves = append(leaves, debugLeaf(l))
	}
	return "Many([" + strings.Join(leaves, ", ") + "])"
}

func (component) CheckImports() error {
	want := []string{"nothing", "small 255", "wide 18446744073709551615", "float -1.5", "double -0.125", "text ünï", "pair 7 -9223372036854775808", "many [Flag(true), Code('\\u{10ffff}')]"}
	for i, shape := range all() {
		if got := host.Describe(shape); got != want[i] {
			return fmt.Errorf("describe(%s) returned %q, want %q", debug(shape), got, want[i])
		}
	}
	shape := types.ShapeNothing()
	seen := []string{}
	for range 9 {
		shape = host.Next(shape)
		seen = append(seen, debug(shape))
	}
	got := "[" + strings.Join(seen, ", ") + "]"
	if got != `[Small(0), Wide(1), Float(2.0), Double(3.0), Text("4"), Pair((5, 6)), Many([Flag(false), Code('7')]), Nothing, Small(0)]` {
		return fmt.Errorf("next went through %s", got)
	}
	return nil
}

func init() { variants.SetExports(component{}) }

func main() {}
