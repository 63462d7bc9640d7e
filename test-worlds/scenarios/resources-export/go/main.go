// The `resources-export` scenario's Go guest.
package main

import (
	"knit.test/resources_export/bindings/exports/knit/resources_export/counters"
	"knit.test/resources_export/bindings/knit/resources_export/host"
)

var live uint32

// counter is the guest's value behind a `counter` handle.
type counter struct{ value uint32 }

func (c *counter) Increment() uint32 {
	c.value++
	return c.value
}

func (c *counter) Get() uint32 { return c.value }

// Drop runs when the host drops the last handle.
func (c *counter) Drop() {
	live--
	host.Dropped(c.value)
}

type component struct{}

func (component) NewCounter(start uint32) counters.Counter {
	live++
	return &counter{value: start}
}

func (c component) CounterMerge(a, b counters.Counter) counters.Counter {
	return c.NewCounter(a.Get() + b.Get())
}

func (component) CounterLive() uint32 { return live }

func init() { counters.SetExports(component{}) }

func main() {}
