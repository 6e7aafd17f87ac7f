// Command fanghello is the smallest program on plaid-onboard's command-line
// stack (cobra commands, fang's help): the floor under plaid-onboard's
// `--help` time (BenchmarkHelp).
package main

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/third_party/fang"
)

func main() {
	root := &cobra.Command{Use: "fanghello", Short: "Say hello", Long: "Say hello to the world.", Run: func(*cobra.Command, []string) {}}
	root.AddCommand(&cobra.Command{Use: "sub", Short: "A sub command", Run: func(*cobra.Command, []string) {}})
	if err := fang.Execute(context.Background(), root, fang.WithoutBackgroundQuery()); err != nil {
		os.Exit(1)
	}
}
