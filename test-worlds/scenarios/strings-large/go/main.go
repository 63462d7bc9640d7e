// The `strings-large` scenario's Go guest.
package main

import (
	"fmt"
	"strings"

	"knit.test/strings_large/bindings/strings_large"
	"knit.test/strings_large/bindings/cm"
	"knit.test/strings_large/bindings/knit/strings_large/host"
)

type component struct{}

func digestOf(s string) cm.Tuple2[uint32, uint32] {
	var sum uint32
	for i := 0; i < len(s); i++ {
		sum += uint32(s[i])
	}
	return cm.Tuple2[uint32, uint32]{F0: sum, F1: uint32(len(s))}
}

func (component) Digest(s string) cm.Tuple2[uint32, uint32] { return digestOf(s) }

func (component) Repeat(s string, times uint32) string { return strings.Repeat(s, int(times)) }

func (component) CheckImports() error {
	big := host.Make("äbc", 1<<20)
	if len(big) != 1<<20 || !strings.HasPrefix(big, "äbcäbc") {
		return fmt.Errorf("make returned %d bytes", len(big))
	}
	mine := strings.Repeat("xyz€", (1<<20)/6)
	if seen := host.Digest(mine); seen != digestOf(mine) {
		return fmt.Errorf("the host digested %v, want %v", seen, digestOf(mine))
	}
	return nil
}

func init() { strings_large.SetExports(component{}) }

func main() {}
