// The `resources-in-containers` scenario's Go guest.
package main

import (
	"errors"
	"fmt"
	"slices"

	"knit.test/resources_in_containers/bindings/resources_in_containers"
	"knit.test/resources_in_containers/bindings/cm"
	"knit.test/resources_in_containers/bindings/exports/knit/resources_in_containers/bag"
	"knit.test/resources_in_containers/bindings/knit/resources_in_containers/pool"
)

var live uint32

// marble is the guest's value behind a `marble` handle.
type marble struct{ weight uint32 }

func (m *marble) Weight() uint32 { return m.weight }

// Drop runs when the last handle is dropped, or when the guest is done with a marble it was given.
func (m *marble) Drop() { live-- }

type bagImpl struct{}

func (bagImpl) NewMarble(weight uint32) bag.Marble {
	live++
	return &marble{weight: weight}
}

func (b bagImpl) Fill(n uint32) []bag.Marble {
	out := []bag.Marble{}
	for w := uint32(1); w <= n; w++ {
		out = append(out, b.NewMarble(w))
	}
	return out
}

func (bagImpl) Weigh(marbles []bag.Marble) uint32 {
	var sum uint32
	for _, m := range marbles {
		sum += m.Weight()
		m.(*marble).Drop()
	}
	return sum
}

func (bagImpl) Heaviest(marbles []bag.Marble) cm.Option[bag.Marble] {
	if len(marbles) == 0 {
		return cm.None[bag.Marble]()
	}
	best := 0
	for i, m := range marbles {
		if m.Weight() >= marbles[best].Weight() {
			best = i
		}
	}
	for i, m := range marbles {
		if i != best {
			m.(*marble).Drop()
		}
	}
	return cm.Some(marbles[best])
}

func (bagImpl) Live() uint32 { return live }

type component struct{}

// Sum reads every item, then drops them in order, like the other guests (the host records both).
func (component) Sum(items []pool.Item) uint32 {
	var sum uint32
	for _, item := range items {
		sum += item.Value()
	}
	for _, item := range items {
		item.Drop()
	}
	return sum
}

func (component) Unwrap(l pool.Labelled) cm.Tuple2[string, uint32] {
	defer l.Item.Drop()
	return cm.Tuple2[string, uint32]{F0: l.Label, F1: l.Item.Value()}
}

func (component) Exercise() error {
	before := pool.Live()
	items := pool.Make(5)
	values := []uint32{}
	for _, item := range items {
		values = append(values, item.Value())
	}
	if !slices.Equal(values, []uint32{0, 1, 2, 3, 4}) {
		return errors.New("make(5) returned the wrong items")
	}
	if total := pool.Total(items); total != 10 || pool.Live() != before {
		return fmt.Errorf("total returned %d; %d items live", total, pool.Live())
	}
	mine := []pool.Item{pool.NewItem(10), pool.NewItem(11), pool.NewItem(12)}
	if pool.Total(mine) != 33 {
		return errors.New("total of guest-made items is wrong")
	}
	l := pool.MakeLabelled("ő", 9)
	if l.Label != "ő" || l.Item.Value() != 9 || pool.Live() != before+1 {
		return errors.New("make-labelled returned the wrong record")
	}
	l.Item.Drop()
	if pool.Live() != before {
		return errors.New("dropping a record's item did not drop it")
	}
	return nil
}

func init() {
	resources_in_containers.SetExports(component{})
	bag.SetExports(bagImpl{})
}

func main() {}
