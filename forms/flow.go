// Package forms holds the questions: the steps of each wizard, built as
// huh forms bound to a draft from the field catalogue, with every text
// field checked as it is typed by the catalogue's rules.
package forms

import (
	"slices"
	"strings"
	"time"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Options are the facts the questions depend on.
type Options struct {
	// Catalog, when set, declares the request instead of its own
	// catalogue (a test adding a field).
	Catalog    *catalog.Catalog
	Env        client.Environment
	Now        func() time.Time
	Accessible bool
	// Programs are Beacon program ids to offer (the environment's known
	// ones and those typed before).
	Programs []widgets.PickOption
}

// Flow is one wizard: its steps over one draft.
type Flow struct {
	Draft   *drafts.Draft
	Steps   []*Step
	Changes *widgets.Changes
	// Catalog declares the fields of the flow's request.
	Catalog *catalog.Catalog
	opt     Options
	req     any // the request the draft holds (a pointer)
	// suggested are the values offered for empty fields, made once.
	suggested map[string]string
	// stash keeps the use cases of purposes unticked, for when they are
	// ticked again.
	stash map[client.CRAPurpose]client.CRAUseCases
}

// Step is one page of a wizard: a form, or a list of items.
type Step struct {
	ID    string
	Title string
	// Visible decides whether the step applies (the CRA questionnaire only
	// with a cra_* product); nil means always.
	Visible func() bool
	// Form builds the step's form from the draft (nil for list steps).
	Form func() *widgets.StepForm
	// List describes a list step.
	List *List
	// Summary is what the review screen shows for the step.
	Summary func() []Line
}

// Shown reports whether the step applies now.
func (s *Step) Shown() bool { return s.Visible == nil || s.Visible() }

// Line is one answer on the review screen. Field, when set, is the
// catalogue's field, so a screen masks personal data until asked.
type Line struct {
	Label, Value string
	Field        *catalog.Field
}

// Shown is the value as a screen shows it: masked when it is personal
// data and reveal is false.
func (l Line) Shown(reveal bool) string {
	if l.Field == nil || reveal || l.Value == "—" {
		return l.Value
	}
	return l.Field.MaskValue(l.Value)
}

// Options returns the flow's options.
func (f *Flow) Options() Options { return f.opt }

func (f *Flow) now() time.Time {
	if f.opt.Now == nil {
		return time.Now()
	}
	return f.opt.Now()
}

// Env is what the checks depend on: the environment and today.
func (f *Flow) Env() catalog.Env {
	return catalog.Env{Environment: f.opt.Env, Now: f.now()}
}

// Check lists every problem of the whole request: the same check the
// emulator and the submit command apply.
func (f *Flow) Check() validate.Problems { return f.Draft.Check(f.Env()) }

// Notes is what to know before sending that does not stop it (advice,
// answers /update cannot add later): catalog.Catalog.Notes.
func (f *Flow) Notes() validate.Problems { return f.Catalog.Notes(f.req, f.Env()) }

// Answered reports whether step i holds an answer: a resumed draft's
// filled steps are marked although this session has not opened them.
func (f *Flow) Answered(i int) bool {
	s := f.Steps[i]
	if s.ID == catalog.StepLogo && f.Draft.UI[UILogoPath] != "" {
		return true
	}
	for _, fd := range f.Catalog.InStep(s.ID) {
		for _, p := range client.Expand(f.req, strings.TrimSuffix(fd.Path, "[]")) {
			if v, found := client.Resolve(f.req, p); found && v.IsValid() && !v.IsZero() {
				return true
			}
		}
	}
	return false
}

// Request is the request as it will be sent.
func (f *Flow) Request() any { return f.req }

// StepOf returns the index of the step owning a field path, or -1.
func (f *Flow) StepOf(path string) int { return f.Index(f.Catalog.StepOf(path)) }

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

// Title is the title of a step id ("" when there is none).
func (f *Flow) Title(id string) string {
	if i := f.Index(id); i >= 0 {
		return f.Steps[i].Title
	}
	return ""
}

// newForm assembles a step's form with the program's theme and keys; help
// and errors are drawn by the wizard, not by huh.
func (f *Flow) newForm(fields []huh.Field, groups ...*huh.Group) *widgets.StepForm {
	return widgets.NewStepForm(fields, f.opt.Accessible, groups...)
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

func countryLabel(code string) string {
	if name := validate.CountryName(code); name != "" {
		return name + " (" + code + ")"
	}
	return orNone(code)
}
