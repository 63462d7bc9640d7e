// The `keywords` scenario's Go guest: WIT names that are Go keywords (`type`, `struct`, `if`...).
package main

import (
	"fmt"

	"knit.test/keywords/bindings/keywords"
	types "knit.test/keywords/bindings/knit/keywords/type_"
)

type component struct{}

func pick(s types.Struct, e types.Enum) types.Loop {
	switch {
	case s.Async:
		return types.LoopYield
	case e.Tag() == types.EnumTagStatic:
		return types.LoopBreak
	}
	return types.LoopContinue
}

func (component) Match(if_ types.Struct, else_ types.Enum) types.Loop { return pick(if_, else_) }

func (component) While(for_ types.Where) types.Where {
	return ^for_ & (types.WhereIn | types.WhereFn | types.WhereLet)
}

func (component) CheckImports() error {
	s := types.Struct{Type: 1, Use: "use", Mod: 2, Async: false}
	yielding := s
	yielding.Async = true
	cases := []struct{ got, want types.Loop }{
		{types.Impl(s, types.EnumStatic()), types.LoopBreak},
		{types.Impl(s, types.EnumSelf(3)), types.LoopContinue},
		{types.Impl(yielding, types.EnumMatch("m")), types.LoopYield},
	}
	for i, c := range cases {
		if c.got != c.want {
			return fmt.Errorf("impl case %d: got %v, want %v", i, c.got, c.want)
		}
	}
	if back := types.Return(types.WhereIn | types.WhereLet); back != types.WhereFn {
		return fmt.Errorf("return gave %b", back)
	}
	return nil
}

func init() { keywords.SetExports(component{}) }

func main() {}
