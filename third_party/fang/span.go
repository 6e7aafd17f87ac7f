package fang

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// span renders one line of text in a style whose effect on a line does not
// depend on the line: colours, attributes, a transform, left and right
// padding and margins. Its Render returns exactly what the style's Render
// returns (FuzzSpanMatchesLipgloss holds it to that), without lipgloss's
// general path — measuring widths grapheme by grapheme, splitting lines,
// padding and aligning — which help runs for some 150 words and which was
// most of the time `plaid-onboard --help` spent rendering
// (plaid-onboard patch, see PATCHES.md).
type span struct {
	style     *lipgloss.Style // for the general path
	transform func(string) string
	pre, post string // around the transformed text
	fast      bool
}

// sentinel stands for the text when a style is rendered once to learn what
// it puts around a line; text that contains it takes the general path.
const sentinel = "\x00"

func newSpan(s lipgloss.Style) span {
	sp := span{style: &s, transform: s.GetTransform()}
	if s.GetWidth() != 0 || s.GetHeight() != 0 || s.GetMaxWidth() != 0 || s.GetMaxHeight() != 0 ||
		s.GetPaddingTop() != 0 || s.GetPaddingBottom() != 0 || s.GetMarginTop() != 0 || s.GetMarginBottom() != 0 ||
		s.GetHorizontalBorderSize() != 0 || s.GetVerticalBorderSize() != 0 || s.GetBorderStyle() != (lipgloss.Border{}) ||
		s.GetUnderline() || s.GetStrikethrough() || s.GetUnderlineSpaces() || s.GetStrikethroughSpaces() ||
		s.Value() != "" {
		return sp
	}
	if link, _ := s.GetHyperlink(); link != "" {
		return sp
	}
	out := s.UnsetTransform().Render(sentinel)
	pre, post, ok := strings.Cut(out, sentinel)
	if !ok || strings.Contains(post, sentinel) || strings.ContainsAny(out, "\n\r") {
		return sp
	}
	sp.pre, sp.post, sp.fast = pre, post, true
	return sp
}

// Render renders text as the style would.
func (s span) Render(text string) string {
	if !s.fast {
		return s.style.Render(text)
	}
	if s.transform != nil {
		text = s.transform(text)
	}
	if text == "" || strings.ContainsAny(text, "\n\r\t\x1b"+sentinel) {
		return s.style.UnsetTransform().Render(text)
	}
	return s.pre + text + s.post
}

// joinLine is lipgloss.JoinHorizontal(lipgloss.Left, parts...): for parts
// of one line each, without tabs (which it widens), that is their
// concatenation.
func joinLine(parts ...string) string {
	for _, p := range parts {
		if strings.ContainsAny(p, "\n\t") {
			return lipgloss.JoinHorizontal(lipgloss.Left, parts...)
		}
	}
	return strings.Join(parts, "")
}

// helpStyles are Styles with the styles of words as spans; titles, text and
// the code block's box keep their lipgloss styles, in the embedded Styles.
type helpStyles struct {
	Styles
	Program              programSpans
	Codeblock            codeblockSpans
	FlagDescription      span
	FlagDescriptionPlain span // continuation lines of a flag's usage
	FlagDefault          span
	Indent               span // before each command and flag
}

type programSpans struct {
	Name, Command, Flag, Argument, DimmedArgument, QuotedString span
}

type codeblockSpans struct {
	Program programSpans
	Comment span
}

func newHelpStyles(s Styles) *helpStyles {
	return &helpStyles{
		Styles:               s,
		Program:              newProgramSpans(s.Program),
		Codeblock:            codeblockSpans{Program: newProgramSpans(s.Codeblock.Program), Comment: newSpan(s.Codeblock.Comment)},
		FlagDescription:      newSpan(s.FlagDescription),
		FlagDescriptionPlain: newSpan(s.FlagDescription.UnsetTransform()),
		FlagDefault:          newSpan(s.FlagDefault),
		Indent:               newSpan(lipgloss.NewStyle().PaddingLeft(longPad)),
	}
}

func newProgramSpans(p Program) programSpans {
	return programSpans{
		Name: newSpan(p.Name), Command: newSpan(p.Command), Flag: newSpan(p.Flag),
		Argument: newSpan(p.Argument), DimmedArgument: newSpan(p.DimmedArgument), QuotedString: newSpan(p.QuotedString),
	}
}
