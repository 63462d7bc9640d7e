// The `many-params` scenario's Go guest.
package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"knit.test/many_params/bindings/many_params"
	"knit.test/many_params/bindings/cm"
	"knit.test/many_params/bindings/knit/many_params/host"
)

type component struct{}

func (component) Collect17(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q uint32) []uint32 {
	return []uint32{a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q}
}

func float(x float64, bits int) string { return strconv.FormatFloat(x, 'f', -1, bits) }

func (component) Describe(a uint8, b string, c float64, d []uint8, e bool, f rune, g int64, h string, i cm.Option[uint32], j uint16, k float32, l string) string {
	parts := make([]string, len(d))
	for n, x := range d {
		parts[n] = strconv.Itoa(int(x))
	}
	opt := "None"
	if v, ok := i.Get(); ok {
		opt = fmt.Sprintf("Some(%d)", v)
	}
	return fmt.Sprintf("%d %s %s [%s] %t %c %d %s %s %d %s %s", a, b, float(c, 64), strings.Join(parts, ", "), e, f, g, h, opt, j, float(float64(k), 32), l)
}

func (component) CheckImports() error {
	sum := host.Sum17(1, -2, 3, -4, 5, -6, 7, -8, 9.5, 10.25, 11, -12, 13, -14, 15, -16, 17)
	if sum != 29.75 {
		return fmt.Errorf("sum17 returned %v", sum)
	}
	big := host.Sum17(math.MaxUint8, math.MinInt8, math.MaxUint16, math.MinInt16, math.MaxUint32, math.MinInt32, 0, math.MinInt64, 0, 0, 0, 0, 0, 0, 0, 0, math.MaxUint64)
	want := 255.0 - 128.0 + 65535.0 - 32768.0 + 4294967295.0 - 2147483648.0 - 9223372036854775808.0 + 18446744073709551615.0
	if big != want {
		return fmt.Errorf("sum17 at limits returned %v, want %v", big, want)
	}
	if joined := host.Join("a", "", "ç", "d", "e", "f", "g", "h", "i", "🎉"); joined != "a,,ç,d,e,f,g,h,i,🎉" {
		return fmt.Errorf("join returned %q", joined)
	}
	return nil
}

func init() { many_params.SetExports(component{}) }

func main() {}
