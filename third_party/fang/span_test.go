package fang

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// spanStyles are the styles help renders words in, in two colour schemes,
// and styles that exercise every branch of newSpan.
func spanStyles() map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{
		"pad left 4":        lipgloss.NewStyle().PaddingLeft(longPad),
		"pad left 0":        lipgloss.NewStyle().PaddingLeft(0),
		"none":              lipgloss.NewStyle(),
		"reverse padded":    lipgloss.NewStyle().Reverse(true).Foreground(lipgloss.Color("#ff0000")).Background(lipgloss.Color("#00ff00")).Padding(0, 2),
		"margin background": lipgloss.NewStyle().Margin(0, 3).MarginBackground(lipgloss.Color("#123456")).Bold(true),
		"attributes":        lipgloss.NewStyle().Bold(true).Italic(true).Faint(true).Blink(true),
		"upper":             lipgloss.NewStyle().Transform(strings.ToUpper).Foreground(lipgloss.Color("#abcdef")),
		"inline":            lipgloss.NewStyle().Inline(true).PaddingLeft(2),
		"tab width":         lipgloss.NewStyle().TabWidth(2).Foreground(lipgloss.Color("1")),
		// ineligible: each must take the general path and still match
		"width":     lipgloss.NewStyle().Width(12),
		"max width": lipgloss.NewStyle().MaxWidth(3),
		"height":    lipgloss.NewStyle().Height(2),
		"border":    lipgloss.NewStyle().Border(lipgloss.NormalBorder()),
		"underline": lipgloss.NewStyle().Underline(true),
		"strike":    lipgloss.NewStyle().Strikethrough(true),
		"value":     lipgloss.NewStyle().SetString("ERROR"),
		"link":      lipgloss.NewStyle().Hyperlink("https://example.com"),
		"pad top":   lipgloss.NewStyle().PaddingTop(1),
	}
	for scheme, s := range map[string]Styles{
		"default": makeStyles(DefaultColorScheme(lipgloss.LightDark(true))),
		"ansi":    makeStyles(AnsiColorScheme(lipgloss.LightDark(false))),
	} {
		for name, st := range map[string]lipgloss.Style{
			"title": s.Title, "text": s.Text, "description": s.FlagDescription,
			"description plain": s.FlagDescription.UnsetTransform(), "default": s.FlagDefault,
			"comment": s.Codeblock.Comment, "code base": s.Codeblock.Base,
			"name": s.Program.Name, "command": s.Program.Command, "flag": s.Program.Flag,
			"argument": s.Program.Argument, "dimmed": s.Program.DimmedArgument, "quoted": s.Program.QuotedString,
			"code name": s.Codeblock.Program.Name, "code flag": s.Codeblock.Program.Flag,
			"code argument": s.Codeblock.Program.Argument, "code dimmed": s.Codeblock.Program.DimmedArgument,
			"code command": s.Codeblock.Program.Command, "code quoted": s.Codeblock.Program.QuotedString,
			"error header": s.ErrorHeader,
		} {
			out[scheme+" "+name] = st
		}
	}
	return out
}

var spanSeeds = []string{
	"", "demo", "--flag=", " ", "  ", "a b", "[command]", "\"quoted string\"", "a\tb", "two\nlines",
	"trailing\n", "\r\n", "\x1b[31mred\x1b[m", "é", "日本語", "👍🏽", "\x00", "a\x00b", "json first",
}

func FuzzSpanMatchesLipgloss(f *testing.F) {
	for _, s := range spanSeeds {
		f.Add(s)
	}
	styles := spanStyles()
	f.Fuzz(func(t *testing.T, text string) {
		for name, st := range styles {
			if got, want := newSpan(st).Render(text), st.Render(text); got != want {
				t.Fatalf("%s: Render(%q)\n got %q\nwant %q", name, text, got, want)
			}
		}
	})
}

func FuzzJoinLineMatchesLipgloss(f *testing.F) {
	f.Add("a", "b", "c")
	f.Add("two\nlines", "x", "")
	f.Add("", "", "wide 日本")
	f.Add("\x1b[31mred\x1b[m", "\n", "end")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		if got, want := joinLine(a, b, c), lipgloss.JoinHorizontal(lipgloss.Left, a, b, c); got != want {
			t.Fatalf("joinLine(%q, %q, %q)\n got %q\nwant %q", a, b, c, got, want)
		}
	})
}

// The styles help renders words in must take the fast path, or the patch
// buys nothing.
func TestHelpWordStylesAreFast(t *testing.T) {
	s := makeStyles(DefaultColorScheme(lipgloss.LightDark(true)))
	for name, st := range map[string]lipgloss.Style{
		"description": s.FlagDescription, "default": s.FlagDefault, "comment": s.Codeblock.Comment,
		"flag": s.Program.Flag, "code flag": s.Codeblock.Program.Flag, "code argument": s.Codeblock.Program.Argument,
		"indent": lipgloss.NewStyle().PaddingLeft(longPad),
	} {
		if !newSpan(st).fast {
			t.Errorf("%s takes lipgloss's general path", name)
		}
	}
	for name, st := range map[string]lipgloss.Style{"title": s.Title, "code block": s.Codeblock.Base, "width": s.Text.Width(40)} {
		if newSpan(st).fast {
			t.Errorf("%s must take the general path: its output depends on the text's width", name)
		}
	}
}
