package widgets

import "charm.land/bubbles/v2/textinput"

// NewLineInput is a one-line text box as every screen draws one: the "› "
// prompt, and the placeholder after a blank, so the cursor (drawn over the
// first cell) does not sit on its first letter and make it read as typed.
func NewLineInput(placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = "› "
	SetPlaceholder(&in, placeholder)
	// With no width bubbles draws one cell of the placeholder: "› b".
	in.SetWidth(lineInputWidth)
	return in
}

// lineInputWidth fits an id, a token's start or a word to type; a screen
// with room may widen it.
const lineInputWidth = 48

// SetPlaceholder changes a line input's placeholder, after the blank the
// cursor sits on.
func SetPlaceholder(in *textinput.Model, placeholder string) {
	in.Placeholder = ""
	if placeholder != "" {
		in.Placeholder = " " + placeholder
		in.SetWidth(max(in.Width(), len([]rune(in.Placeholder))+1))
	}
}
