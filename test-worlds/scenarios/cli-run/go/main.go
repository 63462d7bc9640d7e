// The `cli-run` scenario's Go guest: `wasi:cli/run` implemented through its exports package (Go's
// own `main` ends the process with exit(0), which a `run` caller would see as an exit).
package main

import (
	"fmt"
	"os"

	"knit.test/cli_run/bindings/cm"
	"knit.test/cli_run/bindings/exports/wasi/cli/run"
	"knit.test/cli_run/bindings/knit/cli_run/host"
)

type command struct{}

func (command) Run() cm.Result[struct{}, struct{}] {
	fmt.Println(host.Greeting())
	for i := 1; i <= 3; i++ {
		fmt.Printf("line %d\n", i)
	}
	fmt.Fprintln(os.Stderr, "done")
	return cm.Ok[struct{}, struct{}](struct{}{})
}

func init() { run.SetExports(command{}) }

func main() {}
