// The `hard-borrow-in-containers` scenario's Go guest: host handles lent inside options, records,
// variants, tuples, results and lists. Every function reads each lent handle once.
package main

import (
	"fmt"
	"slices"
	"strings"

	"knit.test/hard_borrow_in_containers/bindings/cm"
	"knit.test/hard_borrow_in_containers/bindings/exports/knit/hard_borrow_in_containers/takes"
	"knit.test/hard_borrow_in_containers/bindings/hard_borrow_in_containers"
	"knit.test/hard_borrow_in_containers/bindings/knit/hard_borrow_in_containers/zs"
)

// opt is `some(V)` or `none`, reading the handle.
func opt(z cm.Option[zs.Z]) string {
	if v, ok := z.Get(); ok {
		return fmt.Sprintf("some(%d)", v.Value())
	}
	return "none"
}

type takesImpl struct{}

func (takesImpl) MaybeWithZ(a cm.Option[takes.Z]) string { return opt(a) }

func (takesImpl) InRecord(h takes.Holder) string {
	return fmt.Sprintf("a=%d b=%s", h.A.Value(), opt(h.B))
}

func (takesImpl) InVariant(w takes.Which) string {
	switch w.Tag() {
	case takes.WhichTagNone:
		return "none"
	case takes.WhichTagOne:
		return fmt.Sprintf("one(%d)", w.One().Value())
	default:
		if inner, ok := w.Deep().Get(); ok {
			return fmt.Sprintf("deep(some(%s))", opt(inner))
		}
		return "deep(none)"
	}
}

func (takesImpl) InTuple(t cm.Tuple2[takes.Z, cm.Option[takes.Z]]) string {
	return fmt.Sprintf("(%d, %s)", t.F0.Value(), opt(t.F1))
}

func (takesImpl) InResult(r cm.Result[takes.Z, takes.Z]) string {
	if r.IsOk() {
		return fmt.Sprintf("ok(%d)", r.OK().Value())
	}
	return fmt.Sprintf("err(%d)", r.Err().Value())
}

func (takesImpl) InList(list []takes.Z, more []cm.Option[takes.Z]) string {
	values := []string{}
	for _, z := range list {
		values = append(values, fmt.Sprint(z.Value()))
	}
	options := []string{}
	for _, z := range more {
		options = append(options, opt(z))
	}
	return fmt.Sprintf("[%s] [%s]", strings.Join(values, ", "), strings.Join(options, ", "))
}

type component struct{}

func (component) MaybeWithZ(a cm.Option[zs.Z]) string { return "world " + opt(a) }

func (component) Exercise() error {
	five := zs.NewZ(5)
	six := zs.NewZ(6)
	got := []uint32{
		hard_borrow_in_containers.ImportMaybe(cm.Some(five)),
		hard_borrow_in_containers.ImportMaybe(cm.None[zs.Z]()),
		hard_borrow_in_containers.ImportMaybe(cm.Some(six)),
		hard_borrow_in_containers.ImportMaybe(cm.Some(five)),
	}
	if !slices.Equal(got, []uint32{5, 0, 6, 5}) {
		return fmt.Errorf("import-maybe answered %v, want [5 0 6 5]", got)
	}
	five.Drop()
	six.Drop()
	return nil
}

func init() {
	hard_borrow_in_containers.SetExports(component{})
	takes.SetExports(takesImpl{})
}

func main() {}
