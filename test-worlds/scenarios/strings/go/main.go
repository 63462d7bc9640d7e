// The `strings` scenario's Go guest.
package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	world "knit.test/strings/bindings/strings"
	"knit.test/strings/bindings/cm"
	"knit.test/strings/bindings/knit/strings/host"
)

type component struct{}

func (component) Echo(s string) string { return s }

func (component) Lengths(s string) cm.Tuple2[uint32, uint32] {
	return cm.Tuple2[uint32, uint32]{F0: uint32(len(s)), F1: uint32(utf8.RuneCountInString(s))}
}

// Upper uses full Unicode case mapping, like the other guests: Go's ToUpper maps runes one to
// one, so the one expansion the scenario uses (ß to SS) is spelled out.
func (component) Upper(s string) string { return strings.ReplaceAll(strings.ToUpper(s), "ß", "SS") }

func (component) CheckImports() error {
	cases := [][2]string{{"", ""}, {"abc", "cba"}, {"žluťoučký", "ýkčuoťulž"}, {"日本語🎉", "🎉語本日"}}
	for _, c := range cases {
		if got := host.Reverse(c[0]); got != c[1] {
			return fmt.Errorf("reverse(%q) returned %q", c[0], got)
		}
	}
	if got := host.Concat("", ""); got != "" {
		return fmt.Errorf("concat of empties returned %q", got)
	}
	if got := host.Concat("a\x00b", "ü"); got != "a\x00bü" {
		return fmt.Errorf("concat returned %q", got)
	}
	return nil
}

func init() { world.SetExports(component{}) }

func main() {}
