// The `compose-polyglot` scenario's Go component: implements `values`, which the JavaScript
// component calls on behalf of the Rust application.
package main

import (
	"errors"
	"strconv"
	"strings"

	"knit.test/compose_polyglot/bindings/cm"
	"knit.test/compose_polyglot/bindings/exports/knit/compose_polyglot/values"
)

type component struct{}

func (component) Transform(items []values.Item) []values.Item {
	out := make([]values.Item, len(items))
	for i, item := range items {
		tags := make([]string, len(item.Tags))
		for j, tag := range item.Tags {
			tags[len(tags)-1-j] = tag
		}
		shape := item.Shape
		switch shape.Tag() {
		case values.ShapeTagCircle:
			shape = values.ShapeCircle(shape.Circle() * 2)
		case values.ShapeTagRect:
			r := shape.Rect()
			shape = values.ShapeRect(cm.Tuple2[float64, float64]{F0: r.F0 * 2, F1: r.F1 * 2})
		}
		weight := item.Weight
		if w, ok := weight.Get(); ok {
			weight = cm.Some(w * 2)
		}
		out[i] = values.Item{
			Id:     item.Id + 1,
			Delta:  -item.Delta,
			Name:   strings.ToUpper(item.Name),
			Tags:   tags,
			Color:  (item.Color + 1) % 3,
			Perms:  item.Perms ^ values.PermsWrite,
			Shape:  shape,
			Weight: weight,
		}
	}
	return out
}

func (component) Divide(a, b int32) (int32, error) {
	if b == 0 {
		return 0, errors.New("go: cannot divide " + strconv.Itoa(int(a)) + " by zero")
	}
	return a / b, nil
}

func (component) Checksum(data []uint8) cm.Tuple2[uint32, uint8] {
	var sum uint32
	var xor uint8
	for _, b := range data {
		sum += uint32(b)
		xor ^= b
	}
	return cm.Tuple2[uint32, uint8]{F0: sum, F1: xor}
}

func init() { values.SetExports(component{}) }

func main() {}
