// The `type-aliases` scenario's Go guest: aliases and renamed `use`s.
package main

import (
	"fmt"
	"slices"

	"knit.test/type_aliases/bindings/cm"
	"knit.test/type_aliases/bindings/knit/type_aliases/host"
	"knit.test/type_aliases/bindings/type_aliases"
)

type component struct{}

// Pick returns the id of the person with the most names (the last of equals, like Rust's max_by_key).
func (component) Pick(people []type_aliases.Person) cm.Option[type_aliases.Id] {
	if len(people) == 0 {
		return cm.None[type_aliases.Id]()
	}
	best := people[0]
	for _, p := range people[1:] {
		if len(p.Names) >= len(best.Names) {
			best = p
		}
	}
	return cm.Some(best.Id)
}

func (component) CheckImports() error {
	user, ok := host.Lookup(7).Get()
	if !ok || user.Id != 7 || !slices.Equal(user.Names, host.Names{"seven", "sept"}) {
		return fmt.Errorf("lookup(7) returned %+v (found: %v)", user, ok)
	}
	if nobody, found := host.Lookup(8).Get(); found {
		return fmt.Errorf("lookup(8) found %+v", nobody)
	}
	var key host.Key = ^uint64(0)
	var want host.MaybeId = cm.Some[host.Key](7)
	if got := host.Find(host.Names{"nobody", "sept"}); got != want {
		return fmt.Errorf("find([nobody sept]) returned %+v, want %+v", got, want)
	}
	if got := host.Find(host.Names{}); got.IsSome() {
		return fmt.Errorf("find([]) returned %+v", got)
	}
	if key != 18446744073709551615 {
		return fmt.Errorf("key is %d", key)
	}
	return nil
}

func init() { type_aliases.SetExports(component{}) }

func main() {}
