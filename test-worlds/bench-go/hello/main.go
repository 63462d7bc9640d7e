// A hello-world library component: the smallest useful Go guest, for the size benchmark.
package main

import "knit.bench/hello/bindings/hello"

type component struct{}

func (component) Hello(name string) string { return "Hello, " + name + "!" }

func init() { hello.SetExports(component{}) }

func main() {}
