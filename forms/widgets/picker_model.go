package widgets

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// PickOption is one choice of a Picker.
type PickOption struct {
	Value string // what is stored ("US")
	Label string // what is shown ("United States")
	// Alias is another code that finds it when typed in full ("USA").
	Alias string
	// Also is another name that finds it as the label does ("Turkey").
	Also string
}

func (o PickOption) display() string {
	if o.Value == "" || o.Label == o.Value {
		return o.Label
	}
	return o.Label + " (" + o.Value + ")"
}

// PickerSpec describes a Picker.
type PickerSpec struct {
	Key         string
	Title       string
	Description string
	// Options lists the choices; it is called again whenever the field
	// gains focus, so it may depend on other answers (regions of the
	// chosen country).
	Options func() []PickOption
	// Free allows a value that is not among the options, checked by Check
	// (a program id typed by hand).
	Free     bool
	Check    validate.Check
	Required bool
	// Shown is how many matches are listed at once.
	Shown int
	// Describe, when set, words the description from other answers (the
	// ID types of the address's country, or that it has none); it is
	// called with Options and replaces Description.
	Describe func() string
}

// Picker is a filterable list: typing narrows the choices ("germ" finds
// Germany, "de" finds it by code), ↑/↓ move through the matches, Enter
// takes one. huh's Select renders every option on every frame and filters
// only after "/"; with 249 countries that is slow and hidden. A Picker with
// Free set also accepts typed values outside the list, checked as typed.
type Picker struct {
	spec    PickerSpec
	acc     huh.Accessor[string]
	options []PickOption
	// folded are each option's name and other name as matched (Fold),
	// made once per reload rather than on every key.
	folded  [][2]string
	matches []PickOption
	cursor  int
	// named is whether the best match's code or name starts with what was
	// typed ("germ" names Germany; "passport" only occurs in "Australia
	// passport").
	named bool
	moved bool // ↑/↓ pressed since focus: Enter takes the highlighted match
	input textinput.Model

	focused bool
	width   int
	height  int
	dark    bool
	theme   huh.Theme
	nav     navKeys
	view    string // cached while blurred (see Input.view)
	viewKey viewKey
}

var (
	pickerUp   = key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/↓", "choose"))
	pickerDown = key.NewBinding(key.WithKeys("down", "ctrl+n"))
)

// NewPicker builds a picker bound through acc.
func NewPicker(spec PickerSpec, acc huh.Accessor[string]) *Picker {
	if spec.Shown == 0 {
		spec.Shown = 6
	}
	in := NewLineInput("")
	in.CharLimit = 128
	km := KeyMap().Input
	p := &Picker{spec: spec, acc: acc, input: in, dark: true, nav: newNavKeys(km.Prev, km.Next, km.Submit)}
	p.reload()
	return p
}

func (p *Picker) reload() {
	p.options = p.spec.Options()
	p.folded = make([][2]string, len(p.options))
	for i, o := range p.options {
		p.folded[i] = [2]string{validate.Fold(o.Label), validate.Fold(o.Also)}
	}
	if p.spec.Describe != nil {
		p.spec.Description = p.spec.Describe()
	}
	p.filter()
}

// filter ranks the options against the typed text: the exact code first,
// then names starting with it, then names with a word starting with it,
// then names containing it.
func (p *Picker) filter() {
	q := strings.ToLower(strings.TrimSpace(p.input.Value()))
	if q == "" {
		p.matches = p.options
		p.cursor = max(0, slices.IndexFunc(p.matches, func(o PickOption) bool { return o.Value == p.acc.Get() }))
		return
	}
	type scored struct {
		o     PickOption
		score int
	}
	var hits []scored
	q = validate.Fold(q)
	for i, o := range p.options {
		value := strings.ToLower(o.Value)
		score := -1
		if value == q || (o.Alias != "" && strings.ToLower(o.Alias) == q) {
			score = 0
		}
		// The name and another name, without accents: "aland" finds
		// Åland, "turkey" Türkiye.
		for _, name := range p.folded[i] {
			if s := nameScore(name, value, q); name != "" && s >= 0 && (score < 0 || s < score) {
				score = s
			}
		}
		if score >= 0 {
			hits = append(hits, scored{o, score})
		}
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return a.score - b.score })
	p.named = len(hits) > 0 && hits[0].score <= 2
	p.matches = p.matches[:0:0]
	for _, h := range hits {
		p.matches = append(p.matches, h.o)
	}
	p.cursor = 0
}

// nameScore ranks how a folded name (and the code) match q: 1 the name
// starts with it, 2 the code does, 3 a word of the name or of the code
// does ("ssn" finds us_ssn), 4 the name contains it; -1 no match.
func nameScore(label, value, q string) int {
	switch {
	case strings.HasPrefix(label, q):
		return 1
	case strings.HasPrefix(value, q) && value != "":
		return 2
	case strings.Contains(" "+label, " "+q) || strings.Contains("_"+value, "_"+q):
		return 3
	case strings.Contains(label, q):
		return 4
	}
	return -1
}

func (p *Picker) current() (PickOption, bool) {
	v := p.acc.Get()
	i := slices.IndexFunc(p.options, func(o PickOption) bool { return o.Value == v })
	if i < 0 {
		return PickOption{Value: v, Label: v}, v != ""
	}
	return p.options[i], true
}

// Result is the verdict on the current value.
func (p *Picker) Result() validate.Result {
	v := p.acc.Get()
	switch {
	case v == "" && p.spec.Required:
		return validate.Result{State: validate.Incomplete, Message: "required"}
	case v == "":
		return validate.Result{}
	case slices.ContainsFunc(p.options, func(o PickOption) bool { return o.Value == v }):
		return validate.Result{}
	case p.spec.Check != nil:
		return p.spec.Check(v)
	case p.spec.Free:
		return validate.Result{}
	}
	return validate.Result{State: validate.Invalid, Message: fmt.Sprintf("%q is not one of the choices", v)}
}

// unpicked is an empty picker nobody has touched: no option is
// highlighted, and Enter leaves it empty (a country left out must not
// become Afghanistan, the first of the list). A required choice among a
// few options all on screen (the Beacon programs) is the exception: its
// first option is highlighted, and Enter takes it.
func (p *Picker) unpicked() bool {
	few := p.spec.Required && len(p.options) <= p.spec.Shown
	return !few && p.acc.Get() == "" && p.input.Value() == "" && !p.moved
}

// choose takes the highlighted match: the one shown with the cursor. An
// untouched picker with a value keeps it; an unpicked one stays empty.
func (p *Picker) choose() {
	picked := p.input.Value() != "" || p.moved || (p.acc.Get() == "" && !p.unpicked())
	if p.cursor < len(p.matches) && picked {
		p.acc.Set(p.matches[p.cursor].Value)
	}
	p.input.SetValue("")
	p.moved = false
	p.filter()
}

// Update handles keys while focused.
func (p *Picker) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		p.dark = msg.IsDark()
	case tea.KeyPressMsg:
		if !p.focused {
			return p, nil
		}
		switch {
		case key.Matches(msg, pickerUp):
			if n := len(p.matches); n > 0 {
				if p.unpicked() {
					p.cursor = 0 // the first move highlights the first option
				}
				p.cursor, p.moved = (p.cursor-1+n)%n, true
			}
			return p, nil
		case key.Matches(msg, pickerDown):
			if n := len(p.matches); n > 0 {
				step := 1
				if p.unpicked() {
					step = 0 // the first move highlights the first option
				}
				p.cursor, p.moved = (p.cursor+step)%n, true
			}
			return p, nil
		}
		// A move to another field is reported to StepForm (see nav.go).
		switch d := p.nav.of(msg); d {
		case back:
			p.input.SetValue("")
			p.filter()
			p.nav.pending = d
			return p, nil
		case next:
			p.choose()
			p.nav.pending = d
			return p, nil
		}
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.filter()
		if p.spec.Free {
			// A free picker's value follows the typed text, so the rule is
			// checked as it is typed.
			p.acc.Set(strings.TrimSpace(p.input.Value()))
		}
	}
	return p, cmd
}

// Focus shows the matches, reloading the options (they may depend on
// another answer).
func (p *Picker) Focus() tea.Cmd {
	p.focused, p.moved = true, false
	p.input.SetValue("")
	p.reload()
	return p.input.Focus()
}

// Blur hides the matches.
func (p *Picker) Blur() tea.Cmd {
	p.focused = false
	p.input.Blur()
	return nil
}

// Error is nil: problems show, and never block.
func (p *Picker) Error() error { return nil }

// Skip is false.
func (p *Picker) Skip() bool { return false }

// Zoom is false.
func (p *Picker) Zoom() bool { return false }

// Init initialises the field.
func (p *Picker) Init() tea.Cmd { return nil }

// Run is not used: pickers run inside a form.
func (p *Picker) Run() error { return huh.Run(p) }

// WithTheme sets the theme.
func (p *Picker) WithTheme(t huh.Theme) huh.Field {
	if p.theme == nil {
		p.theme = t
	}
	return p
}

// WithKeyMap sets the key map (the picker uses the text-input keys).
func (p *Picker) WithKeyMap(k *huh.KeyMap) huh.Field {
	p.nav = newNavKeys(k.Input.Prev, k.Input.Next, k.Input.Submit)
	return p
}

func (p *Picker) takeNav() int { return p.nav.takeNav() }

// WithWidth sets the width.
func (p *Picker) WithWidth(w int) huh.Field {
	p.width = w
	p.input.SetWidth(max(10, w-6))
	return p
}

// WithHeight sets the height.
func (p *Picker) WithHeight(h int) huh.Field { p.height = h; return p }

// WithPosition enables Next or Submit as huh's own fields do.
func (p *Picker) WithPosition(pos huh.FieldPosition) huh.Field {
	p.nav.position(pos)
	return p
}

// GetKey is the field's JSON path.
func (p *Picker) GetKey() string { return p.spec.Key }

// GetValue is the chosen value.
func (p *Picker) GetValue() any { return p.acc.Get() }

// Label names a value for summaries ("United States (US)").
func (p *Picker) Label(v string) string {
	for _, o := range p.options {
		if o.Value == v {
			return o.display()
		}
	}
	return v
}

var (
	_ huh.Field = (*Picker)(nil)
	_ huh.Field = (*Input)(nil)
)
