package plain

import (
	"errors"
	"strconv"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// review reads out the answers and every remaining problem, then takes a
// problem or step to edit, shows the body, or sends. The whole request is
// checked again here, whatever the prompts let through.
func (e *editor) review() error {
	// The answers are read out on arrival and after each edit; a prompt
	// answered wrongly only asks again.
	summary := true
	for {
		problems := e.flow.Check()
		vis := e.flow.Visible()
		if summary {
			e.summary(vis)
		}
		summary = true
		if s, sent := e.d.LastSuccess(); sent {
			what := "sending again creates another one"
			if !actions.CreatesAgain(e.d) {
				what = "sending again re-screens the same user with /update"
			}
			e.s.say("Already sent from this draft on %s (%s): %s.", s.At.Local().Format("2006-01-02 15:04"), s.Env, what)
		}
		var prompt string
		if n := len(problems); n > 0 {
			e.s.say("%d %s to fix before sending:", n, words.Plural(n, "problem", "problems"))
			for k, p := range problems {
				e.s.say("  p%d. %s", k+1, e.line(p, "fix"))
			}
			prompt = "p and a number fixes that problem, a step number edits the step, b shows the request body, q saves and leaves: "
		} else {
			e.s.say("Ready: every answer passes its checks. Sending is POST %s to %s.", actions.Endpoint(e.d), e.s.deps.EnvLabel())
			prompt = "s sends it, a step number edits the step, b shows the request body, q saves and leaves: "
		}
		notes := e.flow.Notes()
		if n := len(notes); n > 0 {
			e.s.say("%d %s before sending (none stops it):", n, words.Plural(n, "note", "notes"))
			for k, p := range notes {
				e.s.say("  n%d. %s", k+1, e.line(p, "suggested"))
			}
			prompt = "n and a number opens that answer; " + prompt
		}
		if names := e.flow.Catalog.UpdatableNames(); len(names) > 0 && actions.Endpoint(e.d) == e.flow.Catalog.Endpoint {
			e.s.say("After the create, only these can be changed (with /update): %s.", strings.Join(names, ", "))
		}
		a, err := e.s.ask("%s", prompt)
		if err != nil {
			return err
		}
		a = strings.ToLower(a)
		switch {
		case a == "q" || a == "quit":
			e.changed()
			if err := e.s.unsaved(); err != nil {
				e.s.say("Draft %s could not be saved: the answers since its last save are not on disk.", e.d.ID)
				return err
			}
			e.s.say("Draft %s is saved: %s resumes it.", e.d.ID, e.s.resumeCommand())
			return nil
		case a == "b" || a == "body":
			e.s.say("Request body, POST %s (credentials go in headers, never here; personal data masked):", actions.Endpoint(e.d))
			e.s.say("%s", actions.DisplayBody(e.d, false))
			summary = false
		case a == "s" || a == "send":
			if len(problems) > 0 {
				e.s.say("Fix the %d %s listed first.", len(problems), words.Plural(len(problems), "problem", "problems"))
				summary = false
				continue
			}
			done, err := e.submit()
			if err != nil || done {
				return err
			}
		case strings.HasPrefix(a, "p"), strings.HasPrefix(a, "n"):
			list, what := problems, "problem"
			if a[0] == 'n' {
				list, what = notes, "note"
			}
			k, convErr := strconv.Atoi(strings.TrimSpace(a[1:]))
			if convErr != nil || k < 1 || k > len(list) {
				e.s.say("There is no %s %s.", what, a)
				summary = false
				continue
			}
			if err := e.fix(list[k-1].Path); err != nil {
				return err
			}
		default:
			k, convErr := strconv.Atoi(a)
			if convErr != nil || k < 1 || k > len(vis) {
				e.s.say("Type one of the letters, or a step number from 1 to %d.", len(vis))
				summary = false
				continue
			}
			if err := e.step(vis[k-1]); err != nil {
				return err
			}
		}
	}
}

// summary reads out the answers, step by step.
func (e *editor) summary(vis []int) {
	e.s.say("")
	e.s.say("Review: %s", e.d.DisplayTitle())
	for n, i := range vis {
		st := e.flow.Steps[i]
		e.s.say("Step %d, %s:", n+1, st.Title)
		for _, l := range st.Summary() {
			e.s.say("  %s: %s", l.Label, l.Shown(false))
		}
	}
}

// fix edits the step that owns a field path.
func (e *editor) fix(path string) error {
	i := e.flow.StepOf(path)
	if i < 0 || !e.flow.Steps[i].Shown() {
		e.s.say("No step holds %s.", path)
		return nil
	}
	return e.step(i)
}

// submit runs the gates (production typed out; a yes before creating a
// second end customer), sends, records the submission, and reads out the
// answer. done means the user is finished with the draft.
func (e *editor) submit() (done bool, err error) {
	if e.s.deps.Client == nil {
		e.s.say("No connection to %s: check PLAID_CLIENT_ID, PLAID_SECRET and PLAID_ENV.", e.s.deps.EnvLabel())
		return false, nil
	}
	noun := actions.Noun(e.d)
	if last, unresolved := actions.Unresolved(e.d); unresolved {
		e.s.say("%s", actions.ResendWarning(e.d, last))
		ok, err := e.s.confirm("Send it again anyway?")
		if err != nil || !ok {
			if err == nil {
				e.s.say("Not sent.")
			}
			return false, err
		}
	}
	if actions.CreatesAgain(e.d) {
		s, _ := e.d.LastSuccess()
		ok, err := e.s.confirm("This draft was sent on %s to %s and created %s %s. Send again, creating another?",
			s.At.Local().Format("2006-01-02 15:04"), s.Env.Label(), noun, s.ClientID)
		if err != nil || !ok {
			return false, err
		}
	}
	if e.s.deps.Env == client.Production {
		a, err := e.s.ask("This creates a real %s at Plaid, in production. Type production to send it: ", noun)
		if err != nil {
			return false, err
		}
		if a != "production" {
			e.s.say("Not sent.")
			return false, nil
		}
	}
	for {
		e.s.say("Sending POST %s to %s…", actions.Endpoint(e.d), e.s.deps.EnvLabel())
		sent, sub, recorded, err := actions.Send(e.s.ctx, e.s.deps.Client, e.d, e.s.deps.Env, e.s.deps.Now(), e.s.saveNow)
		var notRecorded *actions.NotRecordedError
		if errors.As(err, &notRecorded) {
			e.s.say("Not sent: %s.", notRecorded.Error())
			return false, nil
		}
		e.s.attempted(err)
		if recorded != nil {
			e.s.say("Warning: %s", actions.NotRecorded(e.d, sub, recorded))
		}
		if err == nil {
			if e.d.Beacon != nil && e.s.deps.RememberProgram != nil {
				e.s.deps.RememberProgram(e.d.Beacon.ProgramID)
			}
			return e.result(sent)
		}
		again, err := e.failed(err)
		if err != nil || !again {
			return false, err
		}
	}
}

// failed reads out what went wrong and asks what next: again reports
// whether to send again now; otherwise the review returns.
func (e *editor) failed(err error) (again bool, _ error) {
	who := "Plaid"
	if e.s.deps.Env == client.Local {
		who = "The emulator"
	}
	outcome := client.OutcomeOf(err)
	var pe *client.Error
	field := ""
	switch {
	case errors.As(err, &pe):
		e.s.say("%s refused the request: %s", who, pe.Message())
		e.s.say("  %s · %s · HTTP %d", pe.ErrorType, pe.ErrorCode, pe.HTTPStatus)
		if pe.RequestID != "" {
			e.s.say("  request_id %s (quote it to Plaid support)", pe.RequestID)
		}
		if pe.SuggestedAction != nil && *pe.SuggestedAction != "" {
			e.s.say("  Suggested: %s", *pe.SuggestedAction)
		}
		if field = pe.FieldIn(actions.FieldPaths(e.d)); field != "" {
			e.s.say("  The error names %s.", field)
		}
	case outcome == client.NotSent:
		e.s.say("The request was not sent: %v", err)
		e.s.say("Nothing reached %s, so nothing was created.", strings.ToLower(who[:1])+who[1:])
	default:
		e.s.say("No usable answer: the outcome is unknown. %v", err)
		e.s.say("%s", actions.AfterUnknown(e.d))
	}
	retryable := outcome == client.NotSent || (pe != nil && pe.Retryable())
	var options []string
	if field != "" {
		options = append(options, "f goes to "+field)
	}
	switch {
	case outcome == client.Unknown:
		options = append(options, "t sends again")
	case retryable:
		options = append(options, "t tries again")
	}
	options = append(options, "Enter returns to the review")
	a, rerr := e.s.ask("%s: ", strings.Join(options, ", "))
	if rerr != nil {
		return false, rerr
	}
	switch strings.ToLower(a) {
	case "f":
		if field != "" {
			return false, e.fix(field)
		}
	case "t":
		if last, unresolved := actions.Unresolved(e.d); unresolved {
			e.s.say("%s", actions.ResendWarning(e.d, last))
			return e.s.confirm("Send it again anyway?")
		}
		if outcome == client.Unknown || retryable {
			return true, nil
		}
	}
	return false, nil
}

// line reads out a problem or a note: the answer by name, what is wrong
// or advised, the value suggested (masked like the answer), and where.
func (e *editor) line(p validate.Problem, fix string) string {
	text := e.flow.Catalog.FieldName(p.Path) + ": " + p.Message
	if p.Fix != "" {
		shown := p.Fix
		if f := e.flow.Catalog.Field(p.Path); f != nil {
			shown = f.MaskValue(p.Fix)
		}
		text += " (" + fix + ": " + shown + ")"
	}
	if j := e.flow.StepOf(p.Path); j >= 0 {
		text += " (step " + e.flow.Steps[j].Title + ")"
	}
	return text
}
