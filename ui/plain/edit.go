package plain

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// editor walks one draft: its steps, the review, the submit, the result.
type editor struct {
	s     *Session
	d     *drafts.Draft
	flow  *forms.Flow
	saved uint64 // the flow's change count at the last save
}

// edit opens a draft: a new one walks every step, then the review; a
// resumed one starts at the review, from which any step can be edited.
func (s *Session) edit(d *drafts.Draft, unlock func()) (err error) {
	if unlock != nil {
		defer unlock()
	}
	s.editing(d.ID, d.Kind)
	defer func() {
		if err == nil {
			s.editing("", "")
		}
	}()
	opt := forms.Options{Env: s.deps.Env, Now: s.deps.Now, Programs: s.deps.Programs, Accessible: true}
	e := &editor{s: s, d: d}
	e.flow = forms.NewFlow(d, opt)
	s.say("")
	s.say("%s · draft %s", d.Kind.Label(), d.ID)
	switch {
	case d.PIIOmitted:
		s.say("Personal data was not saved with this draft (--no-save-pii): type it again.")
	case d.PIIUnreadable:
		s.say("Personal data in this draft could not be decrypted (its key is missing): type it again.")
	case d.LogoMissing:
		s.say("The logo file of this draft is missing: choose the logo again.")
	}
	if d.Revision == 0 {
		s.say("Every answer is saved as you give it. At each question Enter keeps the answer shown, - empties it, and Ctrl-D saves and leaves.")
		for _, i := range e.flow.Visible() {
			if err := e.step(i); err != nil {
				return err
			}
		}
	}
	return e.review()
}

// changed saves the draft when an answer changed.
func (e *editor) changed() {
	if n := e.flow.Changes.Count(); n != e.saved || e.d.Revision == 0 {
		e.saved = n
		if e.flow.Changes.Count() > 0 || len(e.d.Submissions) > 0 {
			e.s.save(e.d)
		}
	}
}

// position says "3 of 10" for a step among the visible ones.
func (e *editor) position(i int) string {
	vis := e.flow.Visible()
	for n, j := range vis {
		if j == i {
			return fmt.Sprintf("%d of %d", n+1, len(vis))
		}
	}
	return "extra"
}

// step asks a step's questions (or edits its list), saving after each.
func (e *editor) step(i int) error {
	st := e.flow.Steps[i]
	e.s.say("")
	e.s.say("Step %s: %s", e.position(i), st.Title)
	e.d.Step = st.ID
	if st.List != nil {
		return e.list(st.List)
	}
	if err := e.fields(st.Form()); err != nil {
		return err
	}
	if ps := e.flow.ProblemsOf(i, e.flow.Check()); len(ps) > 0 {
		e.s.say("This step still has %d %s; the review lists %s:", len(ps), words.Plural(len(ps), "problem", "problems"), words.Plural(len(ps), "it", "them"))
		for _, p := range ps {
			e.s.say("  %s", p.String())
		}
	}
	return nil
}

// fields asks a built form's questions in order, skipping those that do
// not apply now (huh's accessible mode would ask them all).
func (e *editor) fields(sf *widgets.StepForm) error { return e.s.fields(sf, e.changed) }

// fields asks a form's questions that apply now; after runs after each.
func (s *Session) fields(sf *widgets.StepForm, after func()) error {
	for _, f := range sf.Fields {
		if hide := sf.Hidden[f]; hide != nil && hide() {
			continue
		}
		err := f.RunAccessible(s.out, s.in)
		if after != nil {
			after()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// list edits a list step: add, edit and remove items until Enter.
func (e *editor) list(l *forms.List) error {
	if l.Hint != "" {
		e.s.say("%s", l.Hint)
	}
	for {
		n := l.Len()
		if n == 0 {
			e.s.say("No %ss yet.", l.Noun)
		}
		problems := e.flow.Check()
		for i := 0; i < n; i++ {
			mark := ""
			for _, p := range problems {
				if strings.HasPrefix(p.Path, l.ItemPath(i)) {
					mark = " — problem: " + p.Message
					break
				}
			}
			e.s.say("  %d. %s%s", i+1, orEmpty(l.Item(i)), mark)
		}
		actions := "a adds one"
		if !l.CanAdd() {
			actions = l.Full()
		}
		if n > 0 {
			actions += ", a number edits that one, r and a number removes it"
		}
		a, err := e.s.ask("%ss: %s, Enter goes on: ", capitalize(l.Noun), actions)
		if err != nil {
			return err
		}
		fields := strings.Fields(strings.ToLower(a))
		switch {
		case a == "":
			return nil
		case fields[0] == "a" || fields[0] == "add":
			if !l.CanAdd() {
				e.s.say("%s", l.Full())
				continue
			}
			i := l.Add()
			e.changed()
			if err := e.fields(l.Form(i)); err != nil {
				return err
			}
		case (fields[0] == "r" || fields[0] == "remove") && len(fields) == 2:
			i, ok := index(fields[1], n)
			if !ok {
				e.s.say("There is no %s %s.", l.Noun, fields[1])
				continue
			}
			l.Remove(i)
			e.changed()
			e.s.say("Removed %s %d.", l.Noun, i+1)
		default:
			i, ok := index(fields[0], n)
			if !ok || len(fields) > 1 {
				e.s.say("Type a to add, a number to edit, r and a number to remove, or Enter to go on.")
				continue
			}
			if err := e.fields(l.Form(i)); err != nil {
				return err
			}
		}
	}
}

// index turns "2" into 1 when there are at least 2 items.
func index(s string, n int) (int, bool) {
	i, err := strconv.Atoi(s)
	return i - 1, err == nil && i >= 1 && i <= n
}

func orEmpty(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}

func capitalize(s string) string { return uikit.Capitalize(s) }
