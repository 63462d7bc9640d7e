// The `lists-of-strings` scenario's Go guest.
package main

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"knit.test/lists_of_strings/bindings/lists_of_strings"
	"knit.test/lists_of_strings/bindings/cm"
	"knit.test/lists_of_strings/bindings/knit/lists_of_strings/host"
)

type component struct{}

func (component) Join(xs []string, sep string) string { return strings.Join(xs, sep) }

func (component) Measure(xs []string) []cm.Tuple2[string, uint32] {
	out := make([]cm.Tuple2[string, uint32], len(xs))
	for i, s := range xs {
		out[i] = cm.Tuple2[string, uint32]{F0: s, F1: uint32(utf8.RuneCountInString(s))}
	}
	return out
}

func check(what string, got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%s: got %q, want %q", what, got, want)
	}
	return nil
}

// CheckImports calls the host in the same order as the other guests, so the host's record of the
// calls is the same for every language.
func (component) CheckImports() error {
	split := host.Split("a,,bé,", ",")
	splitEmpty := host.Split("", ",")
	many := make([]string, 0, 500)
	for i := 499; i >= 0; i-- {
		many = append(many, fmt.Sprintf("%04d", i))
	}
	sorted := host.Sorted(many)
	for _, err := range []error{
		check("split", split, []string{"a", "", "bé", ""}),
		check("split('')", splitEmpty, []string{""}),
		check("sorted len", len(sorted), 500),
		check("sorted first", sorted[0], "0000"),
		check("sorted last", sorted[499], "0499"),
		check("sorted([])", host.Sorted(nil), []string{}),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { lists_of_strings.SetExports(component{}) }

func main() {}
