package uikit

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// A long JSON line is wrapped, nothing of it lost, its continuations
// indented under it; short lines stay as they are.
func TestWrapCodeKeepsEverything(t *testing.T) {
	name := strings.Repeat("Lovely Long Company Name ", 5) + "Inc."
	body := "{\n  \"company_name\": \"" + name + "\",\n  \"id\": \"" + strings.Repeat("x", 70) + "\"\n}"
	got := WrapCode(body, 40)
	for _, l := range strings.Split(got, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Fatalf("a line is wider than 40: %q", l)
		}
	}
	if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(body), "") {
		t.Fatalf("wrapping lost text:\n%s", got)
	}
	if !strings.Contains(got, "Inc.\",") || !strings.HasPrefix(strings.Split(got, "\n")[2], "    ") {
		t.Fatalf("the closing quote or the indentation is lost:\n%s", got)
	}
}

// A label as wide as its column does not run into its value.
func TestLabelledKeepsLabelAndValueApart(t *testing.T) {
	got := ansi.Strip(Labelled(lipgloss.NewStyle(), "Uses of the consumer report for account review", 28, "CREDIT_UNDERWRITING", 80))
	if strings.Contains(got, "reviewCREDIT") || strings.Contains(got, "review CREDIT") && !strings.Contains(got, "  CREDIT") {
		t.Fatalf("label runs into the value:\n%s", got)
	}
	long := strings.Repeat("word ", 40)
	got = ansi.Strip(Labelled(lipgloss.NewStyle(), "Company", 16, long, 60))
	if strings.Count(got, "word") != 40 {
		t.Fatalf("the value is cut:\n%s", got)
	}
}
