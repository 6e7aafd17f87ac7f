package plain

import (
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
)

// result reads out Plaid's answer and offers the follow-ups until the user
// is done (done) or goes back to edit and re-screen (not done).
func (e *editor) result(sent actions.Sent) (done bool, err error) {
	switch {
	case sent.Customer != nil:
		return e.partnerResult(sent.Customer)
	case sent.Beacon != nil:
		return e.beaconResult(sent.Beacon)
	}
	return true, nil
}

// follow runs a follow-up on what this draft created and records the
// status it found on the draft.
func (e *editor) follow(a actions.Action, what string, call func() (actions.Result, error)) (actions.Result, bool) {
	r, ok := e.s.follow(a, what, false, call)
	if ok && e.d.Observe(e.s.deps.Env, r.Seen()) {
		e.s.save(e.d) // the drafts list shows the status as it is now
	}
	return r, ok
}

// follow runs a follow-up and reads out what it did, or why it failed.
// In production a change is asked about first (the word production
// typed); elsewhere what cannot be undone is, and everything when always.
func (s *Session) follow(a actions.Action, what string, always bool, call func() (actions.Result, error)) (actions.Result, bool) {
	switch {
	case s.deps.Env == client.Production && a.Changes():
		answer, err := s.ask("This will %s at Plaid, in production. %s Type production to do it: ", actions.Describe(a, what), actions.Consequence(a))
		if err != nil || answer != "production" {
			s.say("Not done.")
			return actions.Result{}, false
		}
	case a.Irreversible() || always:
		yes, err := s.confirm("%s", strings.TrimSpace(capitalize(actions.Describe(a, what))+"? "+actions.Consequence(a)))
		if err != nil || !yes {
			s.say("Not done.")
			return actions.Result{}, false
		}
	}
	r, err := call()
	if err != nil {
		s.say("%s", actions.Explain(a, err))
		return r, false
	}
	s.say("%s", capitalize(r.Done()))
	return r, true
}

func (e *editor) partnerResult(r *client.PartnerCustomerCreateResponse) (bool, error) {
	ec, secrets, prodNow := r.EndCustomer.PartnerEndCustomer, r.EndCustomer.Secrets, ""
	e.s.say("")
	e.s.say("End customer created. Request %s.", r.RequestID)
	reveal := false
	c, ctx, env := e.s.deps.Client, e.s.ctx, e.flow.Env()
	for {
		e.lines(actions.DescribeEndCustomer(ec, client.PartnerSecrets{Sandbox: secrets.Sandbox,
			Production: firstNonEmpty(prodNow, secrets.Production)}, reveal, e.flow.Title))
		options := []string{"a step number edits that step", "u sends the fixes with /update", "f refreshes"}
		if ec.Status == client.StatusPendingEnablement {
			options = append(options, "n enables it in full Production")
		}
		if reveal {
			options = append(options, "r masks the secrets")
		} else {
			options = append(options, "r reveals the secrets (never saved by this program)")
		}
		options = append(options, "Enter is done")
		a, err := e.s.ask("%s: ", strings.Join(options, ", "))
		if err != nil {
			return true, err
		}
		var res actions.Result
		var ok bool
		switch strings.ToLower(a) {
		case "":
			return true, nil
		case "r":
			reveal = !reveal
			continue
		case "u":
			req := e.d.Partner.UpdateFor(ec.ClientID)
			res, ok = e.follow(actions.Update, ec.ClientID, func() (actions.Result, error) { return actions.UpdateCustomer(ctx, c, env, req) })
		case "f":
			res, ok = e.follow(actions.Refresh, ec.ClientID, func() (actions.Result, error) { return actions.RefreshCustomer(ctx, c, env, ec.ClientID) })
		case "n":
			res, ok = e.follow(actions.Enable, ec.CompanyName+" ("+ec.ClientID+")", func() (actions.Result, error) {
				return actions.EnableCustomer(ctx, c, env, &client.PartnerCustomerEnableRequest{EndCustomerClientID: ec.ClientID})
			})
		default:
			if k, isStep := index(a, len(e.flow.Visible())); isStep {
				if err := e.step(e.flow.Visible()[k]); err != nil {
					return true, err
				}
				continue
			}
			e.s.say("Type one of the letters shown, or a step number.")
			continue
		}
		switch {
		case !ok:
		case res.Customer != nil:
			ec = *res.Customer
		case res.Enabled != nil:
			ec.Status, ec.ProductStatuses, prodNow = res.Enabled.Status, res.Enabled.ProductStatuses, res.Enabled.ProductionSecret
		}
	}
}

func (e *editor) beaconResult(u *client.BeaconUser) (bool, error) {
	c, ctx, env := e.s.deps.Client, e.s.ctx, e.flow.Env()
	origin := actions.OriginOf("", u)
	for {
		e.s.say("")
		e.s.say("Screening result:")
		e.lines(actions.DescribeBeaconUser(u, origin))
		a, err := e.s.ask("f refreshes, v sets the status, p reports fraud, e edits and re-screens, Enter is done: ")
		if err != nil {
			return true, err
		}
		var res actions.Result
		var ok bool
		switch strings.ToLower(a) {
		case "":
			return true, nil
		case "e":
			e.s.say("Edit the answers; s on the review re-screens %s with /update (its version goes up).", u.ID)
			return false, nil
		case "f":
			res, ok = e.follow(actions.Refresh, u.ID, func() (actions.Result, error) { return actions.RefreshBeacon(ctx, c, env, u.ID) })
		case "v":
			status := u.Status
			if err := e.fields(forms.ReviewForm(&status, e.flow.Options())); err != nil {
				return true, err
			}
			res, ok = e.follow(actions.Review, u.ID, func() (actions.Result, error) { return actions.ReviewBeacon(ctx, c, env, u.ID, status) })
			if !ok {
				e.s.say("p reports fraud.")
			}
		case "p":
			report := &forms.Report{FraudDate: e.s.deps.Now().Format("2006-01-02")}
			if err := e.fields(forms.ReportForm(report, e.flow.Options())); err != nil {
				return true, err
			}
			req := report.Request(u.ID)
			e.follow(actions.Report, actions.ReportWhat(req), func() (actions.Result, error) { return actions.ReportFraud(ctx, c, env, req) })
			continue
		default:
			e.s.say("Type f, v, p or e, or Enter.")
			continue
		}
		if ok && res.Beacon != nil {
			u, origin = res.Beacon, origin.Then(res.Action, res.Beacon)
		}
	}
}

// lines reads out labelled lines; an unlabelled one continues the last.
func (e *editor) lines(ls []actions.Line) { e.s.lines(ls) }

func (s *Session) lines(ls []actions.Line) {
	for _, l := range ls {
		if l.Label == "" {
			s.say("  %s", l.Value)
			continue
		}
		s.say("%s: %s", l.Label, l.Value)
	}
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
