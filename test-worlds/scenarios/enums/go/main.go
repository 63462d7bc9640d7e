// The `enums` scenario's Go guest.
package main

import (
	"fmt"
	"slices"

	"knit.test/enums/bindings/enums"
	"knit.test/enums/bindings/knit/enums/host"
	"knit.test/enums/bindings/knit/enums/types"
)

type component struct{}

func (component) Echo(c types.Color) types.Color { return c }

func (component) Name(l types.Level) string { return l.String() }

func (component) CheckImports() error {
	cycle := []types.Color{host.Next(types.ColorRed), host.Next(types.ColorGreen), host.Next(types.ColorBlue)}
	if !slices.Equal(cycle, []types.Color{types.ColorGreen, types.ColorBlue, types.ColorRed}) {
		return fmt.Errorf("next cycled %v", cycle)
	}
	got := host.Distinct([]types.Level{types.LevelHigh, types.LevelLow, types.LevelHigh, types.LevelType})
	if !slices.Equal(got, []types.Level{types.LevelLow, types.LevelType, types.LevelHigh}) {
		return fmt.Errorf("distinct returned %v", got)
	}
	return nil
}

func init() { enums.SetExports(component{}) }

func main() {}
