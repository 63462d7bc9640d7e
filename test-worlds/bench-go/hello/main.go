// The size benchmark's Go program built by knit: the same `fmt.Println` hello world as
// `../plain/main.go`, printed from the `wasi:cli/run` export. (A component's Go `main` cannot be
// the program: it ends in exit(0), which a `run` caller would see as an exit instead of a return.)
package main

import (
	"fmt"

	"knit.bench/hello/bindings/cm"
	"knit.bench/hello/bindings/exports/wasi/cli/run"
)

type command struct{}

func (command) Run() cm.Result[struct{}, struct{}] {
	fmt.Println("Hello, world!")
	return cm.Ok[struct{}, struct{}](struct{}{})
}

func init() { run.SetExports(command{}) }

func main() {}
