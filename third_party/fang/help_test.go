package fang

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/spf13/cobra"
)

func TestMain(m *testing.M) {
	os.Setenv("__FANG_TEST_WIDTH", "80") // read once, on first use
	os.Exit(m.Run())
}

// demoTree is a command tree with every shape help renders: a long text
// that wraps, examples with comments, flags, quoted strings, pipes,
// redirections, continuations and environment assignments, groups,
// hidden commands and flags, shorthands, defaults and multi-line usage.
func demoTree() (root, sub *cobra.Command) {
	run := func(*cobra.Command, []string) {}
	root = &cobra.Command{
		Use:   "demo",
		Short: "Demonstrate help",
		Long: `demo shows every part of a help page. This first paragraph is long enough to wrap at forty columns and at eighty, and it mentions --flags and "quotes".

A second paragraph, after a blank line.`,
		Example: `
  # a comment line
  demo
  demo sub --name=value "a quoted string" 'single quoted'
  PLAID_ENV=sandbox KEY="x y" demo sub -v --count 3 | less
  demo sub --file a.json > out.txt 2>> err.log
  demo sub \
    --long-option value && echo done || echo failed
  cat body.json | demo sub - < in.txt
`,
		Run: run,
	}
	root.AddGroup(&cobra.Group{ID: "extra", Title: "extra commands"})
	sub = &cobra.Command{
		Use: "sub NAME [FILE] [--flags]", Short: "a sub command with arguments", Run: run,
		Example: "  demo sub --name=x NAME\n  demo sub NAME FILE", Aliases: []string{"s"},
	}
	sub.Flags().StringP("name", "n", "", "the name to use\nover two lines")
	sub.Flags().Int("count", 1, "how many times")
	sub.Flags().String("file", "", "read the body from FILE (- for stdin)")
	sub.Flags().BoolP("verbose", "v", false, "say more")
	sub.Flags().String("secret", "", "never shown")
	_ = sub.Flags().MarkHidden("secret")
	root.AddCommand(sub,
		&cobra.Command{Use: "other", Short: "JSON first word kept as written", Run: run, GroupID: "extra"},
		&cobra.Command{Use: "hidden", Short: "not listed", Run: run, Hidden: true},
		&cobra.Command{Use: "grouped [args]", Short: "in the extra group", Run: run, GroupID: "extra"},
	)
	root.PersistentFlags().String("env", "local", "environment: local, sandbox or production")
	root.Flags().Bool("accessible", false, "plain prompts")
	return root, sub
}

// TestHelpGolden pins help's output byte for byte, colours included, in
// every colour profile, at 80 columns (TestMain sets fang's test width).
// The files were recorded from upstream fang v2.0.1; the third patch
// (PATCHES.md) trims the padding of lines without colours, so the NoTTY
// and Ascii files were recorded again with it.
func TestHelpGolden(t *testing.T) {
	profiles := []colorprofile.Profile{colorprofile.NoTTY, colorprofile.Ascii, colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor}
	for _, p := range profiles {
		t.Run(fmt.Sprintf("%s/80", p), func(t *testing.T) {
			root, sub := demoTree()
			var out bytes.Buffer
			for _, c := range []*cobra.Command{root, sub} {
				w := &colorprofile.Writer{Forward: &out, Profile: p}
				helpFn(c, w, makeStyles(DefaultColorScheme(lipgloss.LightDark(true))))
			}
			golden.RequireEqual(t, out.Bytes())
		})
	}
}
