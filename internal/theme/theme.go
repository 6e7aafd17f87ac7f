// Package theme holds the program's colours and text styles, for light and
// dark terminals, shared by the forms and the screens.
package theme

import (
	"image/color"
	"strings"
	"sync"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Palette is the set of colours for one background.
type Palette struct {
	Text, Muted, Faint, Accent, Border color.Color
	OK, Warn, Bad, Info                color.Color
	Local, Sandbox, Production         color.Color
	BadgeText                          color.Color
}

// For returns the palette for a dark or light background.
func For(dark bool) Palette {
	ld := lipgloss.LightDark(dark)
	return Palette{
		Text:       ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#EDEDED")),
		Muted:      ld(lipgloss.Color("#5C5C5C"), lipgloss.Color("#A8A8A8")),
		Faint:      ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6E6E6E")),
		Accent:     ld(lipgloss.Color("#00766A"), lipgloss.Color("#3DD6C0")),
		Border:     ld(lipgloss.Color("#C8C8C8"), lipgloss.Color("#3A3A3A")),
		OK:         ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#4AC26B")),
		Warn:       ld(lipgloss.Color("#9A6700"), lipgloss.Color("#E3B341")),
		Bad:        ld(lipgloss.Color("#CF222E"), lipgloss.Color("#FF6B6B")),
		Info:       ld(lipgloss.Color("#0969DA"), lipgloss.Color("#6CB6FF")),
		Local:      lipgloss.Color("#2F6FDB"),
		Sandbox:    lipgloss.Color("#B58A00"),
		Production: lipgloss.Color("#C62828"),
		BadgeText:  lipgloss.Color("#FFFFFF"),
	}
}

// Styles are the text styles built from a palette.
type Styles struct {
	P        Palette
	Text     lipgloss.Style
	Muted    lipgloss.Style
	Faint    lipgloss.Style
	Bold     lipgloss.Style
	Accent   lipgloss.Style
	Title    lipgloss.Style
	OK       lipgloss.Style
	Warn     lipgloss.Style
	Bad      lipgloss.Style
	Info     lipgloss.Style
	Key      lipgloss.Style // a key in help text
	Selected lipgloss.Style // the highlighted row of a list
}

// New builds the styles for a background.
func New(dark bool) Styles {
	p := For(dark)
	return Styles{
		P:        p,
		Text:     lipgloss.NewStyle().Foreground(p.Text),
		Muted:    lipgloss.NewStyle().Foreground(p.Muted),
		Faint:    lipgloss.NewStyle().Foreground(p.Faint),
		Bold:     lipgloss.NewStyle().Bold(true),
		Accent:   lipgloss.NewStyle().Foreground(p.Accent),
		Title:    lipgloss.NewStyle().Foreground(p.Accent).Bold(true),
		OK:       lipgloss.NewStyle().Foreground(p.OK),
		Warn:     lipgloss.NewStyle().Foreground(p.Warn),
		Bad:      lipgloss.NewStyle().Foreground(p.Bad),
		Info:     lipgloss.NewStyle().Foreground(p.Info),
		Key:      lipgloss.NewStyle().Foreground(p.Muted).Bold(true),
		Selected: lipgloss.NewStyle().Foreground(p.Accent).Bold(true),
	}
}

// StatusBlock draws a Beacon status as a large coloured block: green
// cleared, red rejected, amber otherwise.
func (s Styles) StatusBlock(status string) string {
	bg := s.P.Warn
	switch status {
	case "cleared":
		bg = s.P.OK
	case "rejected":
		bg = s.P.Bad
	}
	word := strings.ToUpper(strings.ReplaceAll(status, "_", " "))
	return lipgloss.NewStyle().Background(bg).Foreground(s.P.BadgeText).Bold(true).Padding(1, 4).Render(word)
}

// EnvBadge renders the environment as a coloured badge: LOCAL, SANDBOX,
// PRODUCTION — or label, when set ("LOCAL 127.0.0.1:8686").
func (s Styles) EnvBadge(env client.Environment, label string) string {
	bg := s.P.Local
	switch env {
	case client.Sandbox:
		bg = s.P.Sandbox
	case client.Production:
		bg = s.P.Production
	}
	st := lipgloss.NewStyle().Background(bg).Foreground(s.P.BadgeText).Bold(true).Padding(0, 1)
	if label == "" {
		label = env.Label()
	}
	return st.Render(label)
}

// Huh is the forms' theme: huh's Charm theme with our accent. huh asks a
// theme for its styles on every render of every field, and building the
// Charm theme allocates hundreds of styles, so each background's styles
// are built once and shared (huh only reads them).
func Huh() huh.Theme {
	var once [2]sync.Once
	var built [2]*huh.Styles
	return huh.ThemeFunc(func(dark bool) *huh.Styles {
		i := 0
		if dark {
			i = 1
		}
		once[i].Do(func() { built[i] = huhStyles(dark) })
		return built[i]
	})
}

func huhStyles(dark bool) *huh.Styles {
	t := huh.ThemeCharm(dark)
	p := For(dark)
	t.Focused.Title = t.Focused.Title.Foreground(p.Accent)
	t.Focused.Base = t.Focused.Base.BorderForeground(p.Accent)
	t.Focused.SelectSelector = t.Focused.SelectSelector.Foreground(p.Accent)
	t.Focused.MultiSelectSelector = t.Focused.MultiSelectSelector.Foreground(p.Accent)
	t.Focused.SelectedOption = t.Focused.SelectedOption.Foreground(p.Accent)
	t.Focused.SelectedPrefix = t.Focused.SelectedPrefix.Foreground(p.OK)
	t.Focused.TextInput.Cursor = t.Focused.TextInput.Cursor.Foreground(p.Accent)
	t.Focused.TextInput.Prompt = t.Focused.TextInput.Prompt.Foreground(p.Accent)
	t.Group.Title = t.Group.Title.Foreground(p.Accent)
	// Faint and italic survive NO_COLOR: a placeholder never looks typed.
	t.Focused.TextInput.Placeholder = t.Focused.TextInput.Placeholder.Faint(true).Italic(true)
	t.Blurred.TextInput.Placeholder = t.Blurred.TextInput.Placeholder.Faint(true).Italic(true)
	return t
}

// Cached returns the styles for a background, built once.
func Cached(dark bool) Styles {
	if dark {
		return darkStyles()
	}
	return lightStyles()
}

var (
	darkStyles  = sync.OnceValue(func() Styles { return New(true) })
	lightStyles = sync.OnceValue(func() Styles { return New(false) })
)
