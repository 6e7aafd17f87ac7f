// Command hello is the floor of process start-up: the yardstick for
// BenchmarkHelp.
package main

import "fmt"

func main() { fmt.Println("hello") }
