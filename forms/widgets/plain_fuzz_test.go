package widgets

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// FuzzPlainPrompts: any answers, including control characters, huge lines
// and none at all, end every plain prompt without a panic or a hang.
func FuzzPlainPrompts(f *testing.F) {
	for _, seed := range []string{"", "\n", "y\n", "-\n", "1 2 3\n\n", "x\n?\n\n", "\x00\x1b[31m\n", strings.Repeat("9", 100000) + "\n", "germ\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, answers string) {
		in := NewLineReader(strings.NewReader(answers))
		var phone, country, tri string
		var products []client.Product
		fields := []interface {
			RunAccessible(io.Writer, io.Reader) error
		}{
			NewInput(InputSpec{Key: "p", Title: "Phone", Check: func(s string) validate.Result { return validate.Phone(s, "US") }}, Bind(&phone, nil)),
			NewPicker(PickerSpec{Key: "c", Title: "Country", Options: CountryOptions}, Bind(&country, nil)),
			NewChoice(ChoiceSpec{Key: "t", Title: "T"}, TriStateOptions(), Bind(&tri, nil)),
			NewChoices(ChoiceSpec{Key: "ps", Title: "P"}, productOptions(), Bind(&products, nil)),
		}
		for _, fl := range fields {
			if err := fl.RunAccessible(io.Discard, in); err != nil && !errors.Is(err, ErrInputEnded) {
				t.Fatalf("unexpected error %v", err)
			}
		}
		if len(phone) > maxLine {
			t.Fatalf("an answer longer than a line: %d", len(phone))
		}
	})
}

// FuzzSuggestPaths: no typed path makes the completer panic, and every
// completion continues what was typed.
func FuzzSuggestPaths(f *testing.F) {
	for _, seed := range []string{"", "~", "~/", "~/Pi", "/", "//", "./", "../x", "a/b/", "~x/", "\x00", "~/../.."} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		for _, s := range SuggestPaths(typed) {
			cut := strings.LastIndexAny(typed, "/") + 1
			if !strings.HasPrefix(s, typed[:cut]) {
				t.Fatalf("%q completes %q", s, typed)
			}
		}
	})
}
