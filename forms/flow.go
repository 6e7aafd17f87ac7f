// Package forms holds the questions: the steps of each wizard, built as
// huh forms bound to a draft, with every text field checked as it is typed
// by the rules of package validate.
package forms

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/send"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Options are the facts the questions depend on.
type Options struct {
	Env        client.Environment
	Now        func() time.Time
	Accessible bool
	// Programs are Beacon program ids to offer (the environment's known
	// ones and those typed before).
	Programs []PickOption
}

// Flow is one wizard: its steps over one draft.
type Flow struct {
	Draft   *drafts.Draft
	Steps   []*Step
	Changes *Changes
	opt     Options
	check   func() validate.Problems
	// Endpoint is the path the flow's request is sent to.
	Endpoint string
}

// Step is one page of a wizard: a form, or a list of items.
type Step struct {
	ID    string
	Title string
	// Owns lists the JSON paths whose problems belong to this step.
	Owns []string
	// Visible decides whether the step applies (the CRA questionnaire only
	// with a cra_* product); nil means always.
	Visible func() bool
	// Form builds the step's form from the draft (nil for list steps).
	Form func() *StepForm
	// List describes a list step.
	List *List
	// Summary is what the review screen shows for the step.
	Summary func() []Line
}

// Shown reports whether the step applies now.
func (s *Step) Shown() bool { return s.Visible == nil || s.Visible() }

// StepForm is a built step: the form and its fields in order.
type StepForm struct {
	Form   *huh.Form
	Fields []huh.Field
	// Hidden says, for a field that applies only sometimes (a contact's
	// fields, a purpose's use cases), whether it is hidden now. huh's
	// accessible mode ignores hidden groups, so the plain runner asks this.
	Hidden map[huh.Field]func() bool
}

// Line is one answer on the review screen.
type Line struct{ Label, Value string }

// Options returns the flow's options.
func (f *Flow) Options() Options { return f.opt }

func (f *Flow) now() time.Time {
	if f.opt.Now == nil {
		return time.Now()
	}
	return f.opt.Now()
}

// CheckOptions are the request checks' options for this flow.
func (f *Flow) CheckOptions() client.CheckOptions {
	return client.CheckOptions{Environment: f.opt.Env, Now: f.now()}
}

// Check lists every problem of the whole request: the same check the
// emulator and the submit command apply.
func (f *Flow) Check() validate.Problems { return f.check() }

// CheckDraft checks the request a draft holds: the one check used by the
// wizard (on a snapshot, off the UI goroutine), the review and the submit
// command.
func CheckDraft(d *drafts.Draft, opt client.CheckOptions) validate.Problems {
	return send.Check(d, opt)
}

// Body is the request as it will be sent.
func (f *Flow) Body() any {
	if f.Draft.Partner != nil {
		return f.Draft.Partner
	}
	return f.Draft.Beacon
}

// StepOf returns the index of the step owning a field path, or -1.
func (f *Flow) StepOf(path string) int {
	best, bestLen := -1, -1
	for i, s := range f.Steps {
		for _, own := range s.Owns {
			if (path == own || strings.HasPrefix(path, own+".") || strings.HasPrefix(path, own+"[")) && len(own) > bestLen {
				best, bestLen = i, len(own)
			}
		}
	}
	return best
}

// ProblemsOf picks a step's problems out of a list.
func (f *Flow) ProblemsOf(step int, ps validate.Problems) validate.Problems {
	var out validate.Problems
	for _, p := range ps {
		if f.StepOf(p.Path) == step {
			out = append(out, p)
		}
	}
	return out
}

// Visible lists the indexes of the steps that apply.
func (f *Flow) Visible() []int {
	var out []int
	for i, s := range f.Steps {
		if s.Shown() {
			out = append(out, i)
		}
	}
	return out
}

// Index returns the index of a step id, or -1.
func (f *Flow) Index(id string) int {
	return slices.IndexFunc(f.Steps, func(s *Step) bool { return s.ID == id })
}

// KeyMap is huh's key map as the wizard uses it: Ctrl-C belongs to the
// wizard (it saves and leaves), so huh's own quit is off.
func KeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithDisabled())
	return km
}

// newForm assembles a step's form with the program's theme and keys; help
// and errors are drawn by the wizard, not by huh.
func (f *Flow) newForm(fields []huh.Field, groups ...*huh.Group) *StepForm {
	form := huh.NewForm(groups...).
		WithTheme(theme.Huh()).
		WithKeyMap(KeyMap()).
		WithShowHelp(false).
		WithShowErrors(false).
		WithAccessible(f.opt.Accessible)
	return &StepForm{Form: form, Fields: fields}
}

// input builds a checked input bound to a string.
func (f *Flow) input(ptr *string, spec InputSpec) *Input {
	return NewInput(spec, Bind(ptr, f.Changes)).Accessible(f.opt.Accessible)
}

// triState builds a yes / no / not answered question.
func (f *Flow) triState(ptr **bool, key, title, description string) *Choice[string] {
	return NewChoice(ChoiceSpec{Key: key, Title: title, Description: description}, TriStateOptions(), BindTriState(ptr, f.Changes))
}

// yesNo names a tri-state answer for summaries.
func yesNo(b *bool) string {
	switch {
	case b == nil:
		return "not answered"
	case *b:
		return "yes"
	}
	return "no"
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// countryOptions lists ISO countries for a picker.
func countryOptions() []PickOption {
	cs := validate.Countries()
	out := make([]PickOption, len(cs))
	for i, c := range cs {
		out[i] = PickOption{Value: c.Code, Label: c.Name}
	}
	return out
}

// regionOptions lists a country's subdivisions, after "(none)".
func regionOptions(country string) []PickOption {
	out := []PickOption{{Value: "", Label: "(none)"}}
	for _, s := range validate.Subdivisions(country) {
		out = append(out, PickOption{Value: s.Code, Label: s.Name})
	}
	return out
}

func countryLabel(code string) string {
	if name := validate.CountryName(code); name != "" {
		return name + " (" + code + ")"
	}
	return orNone(code)
}
