// The `async-host` scenario's Go guest: ordinary calls that the host serves asynchronously.
package main

import (
	"strings"

	"knit.test/async_host/bindings/async_host"
	"knit.test/async_host/bindings/knit/async_host/host"
)

type component struct{}

func (component) FetchAll(keys []string) string {
	answers := make([]string, 0, len(keys))
	for _, key := range keys {
		answer, ok := host.Fetch(key).Get()
		if !ok {
			answer = "?"
		}
		answers = append(answers, answer)
	}
	return strings.Join(answers, ",")
}

func (component) DoublePlusOne(x uint32) uint32 { return host.Double(x) + 1 }

func init() { async_host.SetExports(component{}) }

func main() {}
