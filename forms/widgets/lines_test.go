package widgets

import (
	"errors"
	"io"
	"strings"
	"testing"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// A LineReader hands out one line per Read, so a prompt that wraps it in
// its own bufio.Scanner leaves the next answers for the next prompt.
func TestLineReaderReadsNoFurtherThanOneLine(t *testing.T) {
	l := NewLineReader(strings.NewReader("first\nsecond\r\nthird"))
	buf := make([]byte, 4096)
	n, err := l.Read(buf)
	if err != nil || string(buf[:n]) != "first\n" {
		t.Fatalf("Read = %q, %v", buf[:n], err)
	}
	for _, want := range []string{"second", "third"} {
		if got, err := l.ReadLine(); err != nil || got != want {
			t.Fatalf("ReadLine = %q, %v; want %q", got, err, want)
		}
	}
	if _, err := l.ReadLine(); !errors.Is(err, ErrInputEnded) || !l.Ended() {
		t.Fatalf("after the last line: %v", err)
	}
}

// A line longer than an answer may be is refused whole, saying so, and
// the next line is read: cut, it would be taken as another answer.
func TestLineReaderRefusesAnEndlessLine(t *testing.T) {
	long := strings.Repeat("x", 3*maxLine)
	var said strings.Builder
	l := NewLineReader(strings.NewReader(long + "\nnext\n")).SayRefusalsTo(&said)
	got, err := l.ReadLine()
	if err != nil || got != "next" {
		t.Fatalf("after a long line: %q, %v", got, err)
	}
	if !strings.Contains(said.String(), "longer than 64 KiB") {
		t.Fatalf("the refusal was not said: %q", said.String())
	}
	// One exactly at the limit is an answer.
	exact := strings.Repeat("y", maxLine)
	if got, _ := NewLineReader(strings.NewReader(exact + "\n")).ReadLine(); got != exact {
		t.Fatalf("a line of exactly %d bytes: %d bytes", maxLine, len(got))
	}
}

func runPlain(t *testing.T, f huh.Field, answers string) (string, error) {
	t.Helper()
	var out strings.Builder
	err := f.RunAccessible(&out, NewLineReader(strings.NewReader(answers)))
	return out.String(), err
}

func phoneInput(v *string) *Input {
	return NewInput(InputSpec{Key: "phone", Title: "Phone", CharLimit: 40,
		Check: func(s string) validate.Result { return validate.Phone(s, "US") }}, Bind(v, nil))
}

// A wrong answer is kept (nothing typed is lost) and asked again; y takes
// the suggested fix.
func TestPlainInputKeepsAWrongAnswerAndOffersTheFix(t *testing.T) {
	var v string
	out, err := runPlain(t, phoneInput(&v), "415 555 0100\ny\n")
	if err != nil || v != "+14155550100" {
		t.Fatalf("value %q, err %v\n%s", v, err, out)
	}
	for _, want := range []string{"Problem with Phone", "Suggested: +14155550100 — type y to use it", "Enter keeps 415 555 0100"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestPlainInputEnterKeepsDashEmpties(t *testing.T) {
	v := "+14155550100"
	if _, err := runPlain(t, phoneInput(&v), "\n"); err != nil || v != "+14155550100" {
		t.Fatalf("Enter: %q %v", v, err)
	}
	if _, err := runPlain(t, phoneInput(&v), "-\n"); err != nil || v != "" {
		t.Fatalf("-: %q %v", v, err)
	}
	// Enter on a wrong answer keeps it: the review lists it.
	v = "12"
	out, err := runPlain(t, phoneInput(&v), "\n")
	if err != nil || v != "12" || !strings.Contains(out, "Kept as it is") {
		t.Fatalf("kept wrong answer: %q %v\n%s", v, err, out)
	}
}

func TestPlainInputRequiredAndEnded(t *testing.T) {
	var v string
	in := NewInput(InputSpec{Key: "name", Title: "Given name", Required: true, Check: validate.Name}, Bind(&v, nil))
	out, err := runPlain(t, in, "\n")
	if !errors.Is(err, ErrInputEnded) || !strings.Contains(out, "Given name is required") {
		t.Fatalf("empty required then end: %v\n%s", err, out)
	}
	if _, err := runPlain(t, in, "Ada\n"); err != nil || v != "Ada" {
		t.Fatalf("answer: %q %v", v, err)
	}
}

func TestPlainInputMaskedNeverEchoesTheValue(t *testing.T) {
	var v string
	in := NewInput(InputSpec{Key: "acct", Title: "Account number", Masked: true, Check: validate.AccountNumber}, Bind(&v, nil))
	out, err := runPlain(t, in, "12-34\n1234567890\n")
	if err != nil || v != "1234567890" {
		t.Fatalf("value %q err %v", v, err)
	}
	if strings.Contains(out, "1234567890") || strings.Contains(out, "12-34") {
		t.Fatalf("the masked value is shown:\n%s", out)
	}
}

func TestPlainInputEmptyFixIsTheDefault(t *testing.T) {
	var v string
	in := NewInput(InputSpec{Key: "id", Title: "Client user id", Required: true, EmptyFix: "cust-abc", Check: validate.ClientUserID}, Bind(&v, nil))
	if _, err := runPlain(t, in, "\n"); err != nil || v != "cust-abc" {
		t.Fatalf("Enter on empty: %q %v", v, err)
	}
}

func TestPlainChoiceByNumberNameAndEnter(t *testing.T) {
	v := Unanswered
	c := NewChoice(ChoiceSpec{Key: "q", Title: "Attested?"}, TriStateOptions(), Bind(&v, nil))
	cases := []struct{ answers, want string }{
		{"2\n", Yes},
		{"\n", Yes}, // Enter keeps
		{"no\n", No},
		{"9\nnot\n", Unanswered}, // out of range, then a prefix
	}
	for _, tc := range cases {
		out, err := runPlain(t, c, tc.answers)
		if err != nil || v != tc.want {
			t.Fatalf("%q: got %q, err %v\n%s", tc.answers, v, err, out)
		}
	}
	if _, err := runPlain(t, c, "9\n"); !errors.Is(err, ErrInputEnded) {
		t.Fatalf("an input ending on a bad answer: %v", err)
	}
}

func TestPlainChoicesToggleInOptionOrder(t *testing.T) {
	var ps []client.Product
	c := NewChoices(ChoiceSpec{Key: "products", Title: "Products"}, productOptions(), Bind(&ps, nil))
	out, err := runPlain(t, c, "9 2\nx\n2\n3,1\n\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []client.Product{client.PartnerProducts[0], client.PartnerProducts[2], client.PartnerProducts[8]}
	if len(ps) != len(want) || ps[0] != want[0] || ps[1] != want[1] || ps[2] != want[2] {
		t.Fatalf("chosen %v, want %v\n%s", ps, want, out)
	}
	if !strings.Contains(out, `"x" is not a number`) {
		t.Fatalf("a bad toggle is not explained:\n%s", out)
	}
}

func TestPlainPickerFindsByNameCodeAndNumber(t *testing.T) {
	var v string
	p := NewPicker(PickerSpec{Key: "country", Title: "Country", Required: true, Options: CountryOptions}, Bind(&v, nil))
	out, err := runPlain(t, p, "zzzz\nunited\ngerm\n")
	if err != nil || v != "DE" {
		t.Fatalf("got %q %v\n%s", v, err, out)
	}
	if !strings.Contains(out, "Nothing matches") || !strings.Contains(out, `5 match "united"; type a number`) ||
		!strings.Contains(out, "Chosen: Germany (DE)") {
		t.Fatalf("no guidance:\n%s", out)
	}
	// A number answers the matches read out last; ? on 249 countries says
	// to type instead of reading them all.
	if out, err := runPlain(t, p, "?\nunited\n3\n"); err != nil || v != "US" || !strings.Contains(out, "choices: type the start") {
		t.Fatalf("by number of the matches: %q %v\n%s", v, err, out)
	}
	short := NewPicker(PickerSpec{Key: "program", Title: "Program", Free: true,
		Options: func() []PickOption {
			return []PickOption{{Value: "becprg_1", Label: "Default"}, {Value: "becprg_2", Label: "Relaxed"}}
		}},
		Bind(&v, nil))
	if _, err := runPlain(t, short, "2\n"); err != nil || v != "becprg_2" {
		t.Fatalf("by number: %q %v", v, err)
	}
	if out, err := runPlain(t, short, "becprg_9\n"); err != nil || v != "becprg_9" || !strings.Contains(out, "kept as typed") {
		t.Fatalf("free entry: %q %v\n%s", v, err, out)
	}
}

var _ io.Reader = (*LineReader)(nil)
