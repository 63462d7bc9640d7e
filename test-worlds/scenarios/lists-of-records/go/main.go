// The `lists-of-records` scenario's Go guest.
package main

import (
	"fmt"
	"slices"

	"knit.test/lists_of_records/bindings/lists_of_records"
	"knit.test/lists_of_records/bindings/knit/lists_of_records/host"
	"knit.test/lists_of_records/bindings/knit/lists_of_records/types"
)

type component struct{}

func (component) WithTag(items []types.Item, tag uint16) []types.Item {
	out := []types.Item{}
	for _, item := range items {
		if slices.Contains(item.Tags, tag) {
			out = append(out, item)
		}
	}
	return out
}

func (component) Total(items []types.Item) float64 {
	var sum float64
	for _, item := range items {
		sum += item.Weight
	}
	return sum
}

func (component) CheckImports() error {
	sorted := host.SortByWeight([]types.Item{
		{Id: 1, Weight: 0.5, Name: "a", Tags: nil},
		{Id: 2, Weight: 9.0, Name: "b", Tags: []uint16{7}},
		{Id: 3, Weight: 2.0, Name: "ç", Tags: []uint16{1, 2}},
	})
	ids := []uint8{}
	for _, item := range sorted {
		ids = append(ids, item.Id)
	}
	if !slices.Equal(ids, []uint8{2, 3, 1}) || sorted[1].Name != "ç" || !slices.Equal(sorted[1].Tags, []uint16{1, 2}) {
		return fmt.Errorf("sort-by-weight returned %+v", sorted)
	}
	made := host.Make(1000)
	if len(made) != 1000 || made[999].Name != "item-999" || made[999].Id != uint8(999%256) || !slices.Equal(made[999].Tags, []uint16{999 % 7}) {
		return fmt.Errorf("make(1000) returned %d items", len(made))
	}
	if len(host.Make(0)) != 0 {
		return fmt.Errorf("make(0) is not empty")
	}
	return nil
}

func init() { lists_of_records.SetExports(component{}) }

func main() {}
