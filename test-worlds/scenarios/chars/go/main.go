// The `chars` scenario's Go guest.
package main

import (
	"fmt"

	"knit.test/chars/bindings/chars"
	"knit.test/chars/bindings/cm"
	"knit.test/chars/bindings/knit/chars/host"
)

type component struct{}

func (component) Echo(c rune) rune { return c }

func (component) Code(c rune) uint32 { return uint32(c) }

func (component) Split(s string) []rune { return []rune(s) }

var edges = []rune{0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0x10ffff}

func (component) CheckImports() error {
	for _, c := range edges {
		if back := host.Echo(c); back != c {
			return fmt.Errorf("echo(%q) returned %q", c, back)
		}
	}
	checks := []struct {
		c    rune
		want cm.Option[rune]
	}{
		{0xd7ff, cm.Some[rune](0xe000)},
		{'a', cm.Some('b')},
		{0x10ffff, cm.None[rune]()},
		{0xffff, cm.Some[rune](0x10000)},
	}
	for _, c := range checks {
		if got := host.Next(c.c); got != c.want {
			return fmt.Errorf("next(%q) returned %v, want %v", c.c, got, c.want)
		}
	}
	return nil
}

func init() { chars.SetExports(component{}) }

func main() {}
