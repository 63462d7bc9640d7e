// The `lists-of-lists` scenario's Go guest.
package main

import (
	"fmt"
	"reflect"

	"knit.test/lists_of_lists/bindings/lists_of_lists"
	"knit.test/lists_of_lists/bindings/knit/lists_of_lists/host"
)

type component struct{}

func (component) Flatten(xs [][]uint32) []uint32 {
	out := []uint32{}
	for _, x := range xs {
		out = append(out, x...)
	}
	return out
}

func (component) Triangle(n uint32) [][]uint32 {
	out := [][]uint32{}
	for row := uint32(1); row <= n; row++ {
		r := []uint32{}
		for i := uint32(0); i < row; i++ {
			r = append(r, i)
		}
		out = append(out, r)
	}
	return out
}

func (component) EchoDeep(x [][][]uint8) [][][]uint8 { return x }

func check(what string, got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}

func (component) CheckImports() error {
	for _, err := range []error{
		check("transpose", host.Transpose([][]int32{{1, 2, 3}, {4, 5, 6}}), [][]int32{{1, 4}, {2, 5}, {3, 6}}),
		check("transpose([])", host.Transpose(nil), [][]int32{}),
		check("join-each", host.JoinEach([][]string{{"a", "b"}, {}, {"ü"}}, "–"), []string{"a–b", "", "ü"}),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { lists_of_lists.SetExports(component{}) }

func main() {}
