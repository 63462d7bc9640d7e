// The size benchmark's Go program as a plain wasip1 module, the baseline: the same
// `fmt.Println` hello world that `../hello/main.go` prints through knit's component path.
package main

import "fmt"

func main() { fmt.Println("Hello, world!") }
