// The `resources-lend-to-guest` scenario's Go guest.
package main

import "knit.test/resources_lend_to_guest/bindings/resources_lend_to_guest"

type component struct{}

func (component) BorrowToken(t resources_lend_to_guest.Token) uint32 { return t.Id() }

func (component) BorrowTwo(a, b resources_lend_to_guest.Token) uint32 { return a.Id() + b.Id() }

func init() { resources_lend_to_guest.SetExports(component{}) }

func main() {}
