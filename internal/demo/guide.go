package demo

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/internal/theme"
)

// Guide is what to show and in which order, for the emulator at url; a
// panel with colours when styled (a terminal), plain text otherwise.
func Guide(url, webhook string, stops []Stop, styled bool) string {
	st := theme.New(true)
	paint := func(s lipgloss.Style, text string) string {
		if !styled {
			return text
		}
		return s.Render(text)
	}
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s", paint(st.Title, "plaid-onboard demo")+"  "+paint(st.Muted, "the emulator at "+url+", in memory: nothing is left behind"))
	line("")
	line("In another terminal, point plaid-onboard at it and open the home screen:")
	line("  %s", paint(st.Accent, "export PLAID_ONBOARD_EMULATOR_URL="+url+"; plaid-onboard"))
	line("")
	for i, s := range stops {
		line("%s %s", paint(st.Bold, fmt.Sprintf("%d.", i+1)), s.What)
		line("   %s  %s", paint(st.Accent, s.ID), paint(statusStyle(st, s.Status), s.Status))
		line("   %s %s", paint(st.Faint, "show:"), s.Show)
	}
	line("")
	line("Look up a person (or an end customer) on the home screen and paste the id;")
	line("ctrl+t in a wizard fills a step with a fictional person or company.")
	if webhook != "" {
		line("Webhooks go to %s: `plaid-onboard listen` there shows them as they come.", webhook)
	} else {
		line("For webhooks: start `plaid-onboard listen` first, then `plaid-onboard demo --webhook http://127.0.0.1:8687/`.")
	}
	line("Ctrl-C ends the demo.")
	if !styled {
		return b.String()
	}
	return lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(st.P.Accent).Padding(0, 1).Render(strings.TrimRight(b.String(), "\n")) + "\n"
}

func statusStyle(st theme.Styles, status string) lipgloss.Style {
	switch status {
	case "cleared", "ACTIVE", "PENDING_ENABLEMENT":
		return st.OK
	case "rejected":
		return st.Bad
	}
	return st.Warn
}
