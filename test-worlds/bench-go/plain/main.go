// A plain wasip1 hello world, the baseline of the size benchmark.
package main

import "fmt"

func main() { fmt.Println("Hello, world!") }
