package doctor

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/colorprofile"
)

const areaTerminal = "Terminal"

// Terminal is what the command found of the terminal it runs in; tests
// give their own.
type Terminal struct {
	TTY           bool // stdin and stdout are a terminal
	Width, Height int
	Profile       colorprofile.Profile
	// Env reads the variables that change how screens are drawn (TERM,
	// NO_COLOR, LANG, LC_ALL, LC_CTYPE).
	Env func(string) string
	// Accessible is --accessible.
	Accessible bool
}

// The size the screens are laid out for; smaller still works, wrapped.
const minWidth, minHeight = 80, 24

func (d *run) terminalChecks() {
	t := d.o.Terminal
	if !t.TTY {
		d.add(areaTerminal, "Screens", Warn, "stdin or stdout is not a terminal: the wizards cannot open here",
			"run in a terminal, or use --accessible (plain prompts) or `submit --file` from a script")
	}
	term := "TERM=" + t.Env("TERM")
	if t.Env("TERM") == "" {
		term = "TERM unset"
	}
	noColor := t.Env("NO_COLOR") != ""
	colours := map[colorprofile.Profile]string{
		colorprofile.TrueColor: "true colour (24-bit)", colorprofile.ANSI256: "256 colours",
		colorprofile.ANSI: "16 colours", colorprofile.Ascii: "none (text attributes only)", colorprofile.NoTTY: "none (not a terminal)",
	}[t.Profile]
	switch {
	case noColor:
		d.add(areaTerminal, "Colours", Info, "NO_COLOR is set: screens use bold and reverse, no colour", "")
	case t.Profile <= colorprofile.ANSI:
		d.add(areaTerminal, "Colours", Info, fmt.Sprintf("%s · %s; statuses are also said in words", colours, term), "")
	default:
		d.add(areaTerminal, "Colours", OK, fmt.Sprintf("%s · %s", colours, term), "")
	}
	locale := firstSet(t.Env, "LC_ALL", "LC_CTYPE", "LANG")
	if up := strings.ToUpper(locale); strings.Contains(up, "UTF-8") || strings.Contains(up, "UTF8") {
		d.add(areaTerminal, "Unicode", OK, fmt.Sprintf("UTF-8 (%s): ✓ · … — are one cell each", locale), "")
	} else {
		if locale == "" {
			locale = "no LANG, LC_ALL or LC_CTYPE"
		}
		d.add(areaTerminal, "Unicode", Warn, fmt.Sprintf("not a UTF-8 locale (%s): marks like ✓ and … may show as ? or take two cells", locale),
			"export LANG=C.UTF-8 (or en_US.UTF-8)")
	}
	if t.TTY {
		size := fmt.Sprintf("%d×%d", t.Width, t.Height)
		if t.Width < minWidth || t.Height < minHeight {
			d.add(areaTerminal, "Size", Warn, fmt.Sprintf("%s: screens are laid out for %d×%d and wrap below it", size, minWidth, minHeight), "make the window larger")
		} else {
			d.add(areaTerminal, "Size", OK, size, "")
		}
	}
	switch {
	case t.Accessible:
		d.add(areaTerminal, "Accessible mode", Info, "on (--accessible): plain prompts, one line at a time, for screen readers", "")
	case strings.EqualFold(t.Env("TERM"), "dumb"):
		d.add(areaTerminal, "Accessible mode", Info, "on (TERM=dumb): plain prompts, one line at a time", "")
	default:
		d.add(areaTerminal, "Accessible mode", Info, "off: --accessible asks plain questions, one line at a time, for screen readers", "")
	}
}

func firstSet(env func(string) string, names ...string) string {
	for _, n := range names {
		if v := env(n); v != "" {
			return n + "=" + v
		}
	}
	return ""
}
