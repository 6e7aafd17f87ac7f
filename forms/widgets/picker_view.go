package widgets

import (
	"fmt"
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

func (p *Picker) styles() *huh.FieldStyles {
	t := p.theme
	if t == nil {
		t = huh.ThemeFunc(huh.ThemeCharm)
	}
	if p.focused {
		return &t.Theme(p.dark).Focused
	}
	return &t.Theme(p.dark).Blurred
}

// View shows the chosen value, and while focused the filter and matches.
func (p *Picker) View() string {
	k := viewKey{value: p.acc.Get(), width: p.width, dark: p.dark, focused: p.focused, theme: p.theme != nil}
	if !p.focused && k == p.viewKey && p.view != "" {
		return p.view
	}
	p.view, p.viewKey = p.render(), k
	return p.view
}

func (p *Picker) render() string {
	st := p.styles()
	ts := theme.Cached(p.dark)
	var b strings.Builder
	b.WriteString(st.Title.Render(p.spec.Title))
	if p.spec.Description != "" {
		b.WriteString("\n" + st.Description.Render(p.spec.Description))
	}
	cur, has := p.current()
	if !p.focused {
		b.WriteString("\n")
		if has {
			b.WriteString(st.SelectedOption.Render(cur.display()))
		} else {
			b.WriteString(ts.Faint.Render("—"))
		}
	} else {
		SetPlaceholder(&p.input, "type to search")
		if has {
			SetPlaceholder(&p.input, cur.display()+" — type to change")
		}
		b.WriteString("\n" + p.input.View())
		shown := p.matches
		if len(shown) > p.spec.Shown {
			// keep the cursor in the window
			start := min(max(0, p.cursor-p.spec.Shown+1), len(shown)-p.spec.Shown)
			shown = shown[start : start+p.spec.Shown]
		}
		// huh's selector style carries its own mark ("> "): use it as huh
		// does, and indent the other options by its width.
		cursor := st.SelectSelector.String()
		pad := strings.Repeat(" ", lipgloss.Width(cursor))
		unpicked := p.unpicked()
		for _, o := range shown {
			line := pad + st.UnselectedOption.Render(o.display())
			if o == p.matches[p.cursor] && !unpicked {
				line = cursor + st.SelectedOption.Render(o.display())
			}
			b.WriteString("\n" + line)
		}
		if unpicked {
			b.WriteString("\n" + ts.Faint.Render("  Enter leaves it empty; type or ↓ to choose"))
		}
		switch rest := len(p.matches) - len(shown); {
		case len(p.matches) == 0 && p.spec.Free:
			b.WriteString("\n" + ts.Faint.Render("  not in the list: the typed value will be used"))
		case len(p.matches) == 0:
			b.WriteString("\n" + ts.Faint.Render("  no match"))
		case rest > 0:
			b.WriteString("\n" + ts.Faint.Render(fmt.Sprintf("  … %d more: keep typing", rest)))
		}
	}
	if r := p.Result(); r.State == validate.Invalid || (r.State == validate.Incomplete && p.acc.Get() != "") {
		style := ts.Bad
		mark := "✗ "
		if r.State == validate.Incomplete {
			style, mark = ts.Faint, "… "
		}
		b.WriteString("\n  " + style.Render(mark+r.Message))
	}
	return st.Base.Width(p.width).Height(p.height).Render(b.String())
}
