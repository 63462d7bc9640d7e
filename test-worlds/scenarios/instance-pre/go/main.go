// The `instance-pre` scenario's Go guest: per-instance state.
package main

import (
	"fmt"

	"knit.test/instance_pre/bindings/instance_pre"
	"knit.test/instance_pre/bindings/knit/instance_pre/host"
)

// counter belongs to this instance: every instance has its own linear memory.
var counter uint32

type component struct{}

func (component) Bump() uint32 {
	counter++
	return counter
}

func (component) Describe() string { return fmt.Sprintf("%d:%d", host.StoreId(), counter) }

func init() { instance_pre.SetExports(component{}) }

func main() {}
