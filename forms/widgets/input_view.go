package widgets

import (
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/internal/masking"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

type viewKey struct {
	value   string
	width   int
	dark    bool
	result  validate.Result
	focused bool
	theme   bool
}

// View is huh's input with the verdict under it.
func (i *Input) View() string {
	k := viewKey{value: i.checked, width: i.width, dark: i.dark, result: i.result, focused: i.focused, theme: true}
	if !i.focused && k == i.viewKey && i.view != "" {
		return i.view
	}
	v := i.Input.View()
	switch {
	case !i.focused && i.checked == "":
		v = i.markPlaceholder(v)
	case !i.focused:
		v = i.markCut(v)
	}
	if line := i.message(); line != "" {
		v += "\n" + line
	}
	i.view, i.viewKey = v, k
	return v
}

// markPlaceholder draws a blurred field's placeholder in the theme's
// placeholder style (faint and italic, which survive NO_COLOR). huh styles
// only the focused text box's placeholder; a blurred one is drawn in the
// text box's own grey, which NO_COLOR removes, so it would read as typed.
func (i *Input) markPlaceholder(view string) string {
	shown := example(i.spec.Placeholder)
	if shown == "" || i.theme == nil {
		return view
	}
	style := i.theme.Theme(i.dark).Blurred.TextInput.Placeholder
	return i.restyleText(view, func(text string) (string, bool) {
		if !strings.HasPrefix(shown, text) {
			return "", false
		}
		return style.Render(text), true
	})
}

// markCut ends a blurred value wider than its box with "…": the box shows
// the value's head (Blur moved the cursor there), and without the mark a
// cut value reads as whole.
func (i *Input) markCut(view string) string {
	whole := ansi.StringWidth(i.checked)
	style := lipgloss.NewStyle()
	if i.theme != nil {
		style = i.theme.Theme(i.dark).Blurred.TextInput.Text
	}
	return i.restyleText(view, func(text string) (string, bool) {
		w := ansi.StringWidth(text)
		if w >= whole {
			return "", false
		}
		return style.Render(ansi.Truncate(text, w-1, "") + "…"), true
	})
}

// restyleText finds the text box line ("> text") in a rendered field and
// replaces its text with what change makes of it, when it wants to.
func (i *Input) restyleText(view string, change func(text string) (string, bool)) string {
	lines := strings.Split(view, "\n")
	for n, line := range lines {
		plain := ansi.Strip(line)
		prompt := strings.Index(plain, "> ")
		if prompt < 0 {
			continue
		}
		rest := plain[prompt+2:]
		text := strings.TrimRight(rest, " ")
		if text == "" {
			continue
		}
		changed, ok := change(text)
		if !ok {
			return view
		}
		lines[n] = plain[:prompt+2] + changed + rest[len(text):]
		break
	}
	return strings.Join(lines, "\n")
}

func (i *Input) message() string {
	st := theme.Cached(i.dark)
	width := max(10, i.width-4)
	wrapped := func(style lipgloss.Style, s string) string {
		return lipgloss.NewStyle().PaddingLeft(2).Render(style.Width(width).Render(s))
	}
	r := i.result
	// A fix of a hidden field is shown hidden too: only its last digits.
	fix := ""
	if r.Fix != "" {
		fix = "\n" + wrapped(st.Accent, "→ "+summarize(r.Fix, i.spec.Masked)+"  ("+FixKey.Help().Key+" to use it)")
	}
	switch r.State {
	case validate.Invalid:
		return wrapped(st.Bad, "✗ "+r.Message) + fix
	case validate.Incomplete:
		if i.checked == "" && !i.focused {
			return ""
		}
		if i.checked == "" && r.Fix != "" {
			return strings.TrimPrefix(fix, "\n")
		}
		return wrapped(st.Faint, "… "+r.Message) + fix
	}
	if a := r.Advice(); a != "" && i.checked != "" {
		// Sendable as it is: advice, not an error.
		return wrapped(st.Warn, "! "+a) + fix
	}
	if i.spec.Info != nil && i.checked != "" {
		if info := i.spec.Info(i.checked); info != "" {
			return wrapped(st.Muted, info)
		}
	}
	return ""
}

// example words a placeholder that is a sample answer ("e.g. …"), so it
// cannot pass for a typed one where there is no colour (NO_COLOR). One
// with spaces is an instruction, one with no digit or lower-case letter a
// format (YYYY-MM-DD): they stay as they are.
func example(placeholder string) string {
	if placeholder == "" || strings.Contains(placeholder, " ") || !strings.ContainsFunc(placeholder, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsLower(r)
	}) {
		return placeholder
	}
	return "e.g. " + placeholder
}

// Summary is the value as the review screen shows it.
func summarize(v string, masked bool) string {
	if masked && v != "" {
		return masking.Last(v, 4)
	}
	return v
}
