package plain

import (
	"strconv"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// askID asks for an id, offering those this machine created by number.
func (s *Session) askID(what string, created []uikit.Created) (string, error) {
	if len(created) > 0 {
		s.say("Created from this machine, newest first:")
		for i, c := range created {
			s.say("  %d. %s · %s · %s", i+1, c.ID, c.Title, c.Status)
		}
	}
	a, err := s.ask("%s (a number above, or the id; Enter goes back): ", what)
	if n, convErr := strconv.Atoi(a); convErr == nil && n >= 1 && n <= len(created) {
		a = created[n-1].ID
	}
	return a, err
}

func (s *Session) env() catalog.Env { return catalog.Env{Environment: s.deps.Env, Now: s.deps.Now()} }

// person is the support agent's view in plain text: why the user has its
// status, then the decision or a fraud report.
func (s *Session) person(id string) error {
	if id == "" {
		var err error
		if id, err = s.askID("Beacon user id", uikit.CreatedIDs(s.deps, true)); err != nil || id == "" {
			return err
		}
	}
	c, ctx, reveal, reviewed := s.deps.Client, s.ctx, false, ""
	for {
		s.say("Looking up %s…", id)
		p, err := actions.LookUpPerson(ctx, c, s.env(), id, uikit.TokensOf(s.deps, id))
		if err != nil {
			s.say("%s", actions.Explain(actions.Refresh, err))
			return nil
		}
		s.say("")
		origin := actions.OriginOf(actions.Refresh, p.User)
		if reviewed == id {
			origin = actions.ByReview // set here, just now
		}
		s.lines(actions.DescribePerson(p, origin, reveal))
		options := "v decides the status, p reports fraud, f refreshes, r shows personal data"
		if reveal {
			options = "v decides the status, p reports fraud, f refreshes, r masks personal data"
		}
		if len(p.Duplicates) > 0 && p.Duplicates[0].Other != nil {
			options += ", o opens the other user"
		}
		a, err := s.ask("%s, Enter is done: ", options)
		if err != nil {
			return err
		}
		switch strings.ToLower(a) {
		case "":
			return nil
		case "f":
		case "r":
			reveal = !reveal
		case "o":
			if len(p.Duplicates) > 0 && p.Duplicates[0].Other != nil {
				id = p.Duplicates[0].Other.ID
			}
		case "v":
			done, err := s.decide(p)
			if err != nil {
				return err
			}
			if done {
				reviewed = id
			}
		case "p":
			report := &forms.Report{FraudDate: s.deps.Now().Format("2006-01-02")}
			if err := s.fields(forms.ReportForm(report, s.formOptions()), nil); err != nil {
				return err
			}
			req := report.Request(id)
			s.change(actions.Report, actions.ReportWhat(req), func() (actions.Result, error) { return actions.ReportFraud(ctx, c, s.env(), req) })
		default:
			s.say("Type one of the letters shown, or Enter.")
		}
	}
}

func (s *Session) formOptions() forms.Options {
	return forms.Options{Env: s.deps.Env, Now: s.deps.Now, Accessible: true, Programs: s.deps.Programs}
}

// decide asks for the status, says what Plaid's rules make of it, asks
// again, and sends it.
func (s *Session) decide(p *actions.Person) (done bool, _ error) {
	status := p.User.Status
	if err := s.fields(forms.ReviewForm(&status, s.formOptions()), nil); err != nil {
		return false, err
	}
	if w := p.Foresee(status); w != "" {
		s.say("%s", w)
	}
	s.say("Plaid's rules: %s", actions.ReviewRules)
	id, c, ctx := p.User.ID, s.deps.Client, s.ctx
	return s.change(actions.Review, id+" to "+string(status), func() (actions.Result, error) {
		return actions.ReviewBeacon(ctx, c, s.env(), id, status)
	}), nil
}

// change asks before a change made from a lookup (always: the word in
// production, y/n elsewhere), runs it, and records the status it found on
// the drafts that created what it changed.
func (s *Session) change(a actions.Action, what string, call func() (actions.Result, error)) (done bool) {
	r, ok := s.follow(a, what, true, call)
	if ok {
		_ = actions.Observe(s.deps.Store, s.deps.Env, r) // what was done is said whatever the drafts say
	}
	return ok
}

// customer is partner staff's view in plain text: status, what is still
// needed and where, products, OAuth institutions; n enables.
func (s *Session) customer(id string) error {
	if id == "" {
		var err error
		if id, err = s.askID("End customer client_id", uikit.CreatedIDs(s.deps, false)); err != nil || id == "" {
			return err
		}
	}
	c, ctx := s.deps.Client, s.ctx
	for {
		r, err := actions.RefreshCustomer(ctx, c, s.env(), id)
		if err != nil {
			s.say("%s", actions.Explain(actions.Refresh, err))
			return nil
		}
		s.say("")
		s.lines(actions.DescribeEndCustomer(*r.Customer, client.PartnerSecrets{}, false, nil))
		if inst, err := actions.Institutions(ctx, c, s.env(), id); err != nil {
			s.say("OAuth institutions could not be fetched: %v", err)
		} else {
			s.lines(actions.DescribeResult(inst))
		}
		a, err := s.ask("f refreshes, n enables it in full Production, Enter is done: ")
		if err != nil {
			return err
		}
		switch strings.ToLower(a) {
		case "":
			return nil
		case "f":
		case "n":
			s.change(actions.Enable, id, func() (actions.Result, error) {
				return actions.EnableCustomer(ctx, c, s.env(), &client.PartnerCustomerEnableRequest{EndCustomerClientID: id})
			})
		default:
			s.say("Type f, n, or Enter.")
		}
	}
}
