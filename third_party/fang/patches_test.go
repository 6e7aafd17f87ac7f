package fang

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The first patch (PATCHES.md): an error's text is printed as written.
// Upstream title-cased the whole first word, turning "PLAID_SECRET is not
// set" into "Plaid_secret is not set" and "JSON" into "Json".
func TestErrorTextKeptAsWritten(t *testing.T) {
	for _, msg := range []string{"PLAID_SECRET is not set", "JSON body is empty", "the draft was not found"} {
		var out bytes.Buffer
		styles := makeStyles(DefaultColorScheme(lipgloss.LightDark(true)))
		DefaultErrorHandler(&out, styles, errors.New(msg))
		got := ansi.Strip(out.String())
		want := strings.ToUpper(msg[:1]) + msg[1:]
		if !strings.Contains(got, want) {
			t.Errorf("error %q printed as:\n%s\nwant it to contain %q", msg, got, want)
		}
	}
}

// The second patch: WithoutBackgroundQuery asks the terminal nothing and
// hands the colour scheme a LightDarkFunc that assumes a dark background.
// (help_tty_test.go in the module root runs the program in a terminal
// that never answers.)
func TestWithoutBackgroundQueryAssumesDark(t *testing.T) {
	var s settings
	WithoutBackgroundQuery()(&s)
	if !s.noBgQuery {
		t.Fatal("the option does not turn the query off")
	}
	var sawDark bool
	mustColorscheme(func(ld lipgloss.LightDarkFunc) ColorScheme {
		sawDark = ld(lipgloss.Color("1"), lipgloss.Color("2")) == lipgloss.Color("2")
		return DefaultColorScheme(ld)
	}, false)
	if !sawDark {
		t.Error("without the query the scheme is not told the background is dark")
	}
}
