package plain

import (
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/internal/send"
)

// result reads out Plaid's answer and offers the follow-ups until the user
// is done (done) or goes back to edit and re-screen (not done).
func (e *editor) result(resp any) (done bool, err error) {
	switch r := resp.(type) {
	case *client.PartnerCustomerCreateResponse:
		return e.partnerResult(r)
	case *client.BeaconUser:
		return e.beaconResult(r)
	}
	return true, nil
}

func (e *editor) partnerResult(r *client.PartnerCustomerCreateResponse) (bool, error) {
	ec, secrets, prodNow := r.EndCustomer.PartnerEndCustomer, r.EndCustomer.Secrets, ""
	e.s.say("")
	e.s.say("End customer created. Request %s.", r.RequestID)
	reveal := false
	title := func(id string) string {
		if i := e.flow.Index(id); i >= 0 {
			return e.flow.Steps[i].Title
		}
		return id
	}
	for {
		e.lines(send.DescribeEndCustomer(ec, client.PartnerSecrets{Sandbox: secrets.Sandbox,
			Production: firstNonEmpty(prodNow, secrets.Production)}, reveal, title))
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
		var resp any
		var callErr error
		switch strings.ToLower(a) {
		case "":
			return true, nil
		case "r":
			reveal = !reveal
			continue
		case "u":
			req := e.d.Partner.UpdateFor(ec.ClientID)
			if ps := req.Check(e.flow.CheckOptions()); len(ps) > 0 {
				e.s.say("The update cannot be sent: %s", ps[0].String())
				continue
			}
			resp, callErr = e.s.deps.Client.UpdatePartnerCustomer(e.s.ctx, req)
		case "f":
			resp, callErr = e.s.deps.Client.GetPartnerCustomer(e.s.ctx, &client.PartnerCustomerGetRequest{EndCustomerClientID: ec.ClientID})
		case "n":
			ok, err := e.s.confirm("Enable %s (%s) in full Production?", ec.CompanyName, ec.ClientID)
			if err != nil {
				return true, err
			}
			if !ok {
				continue
			}
			resp, callErr = e.s.deps.Client.EnablePartnerCustomer(e.s.ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: ec.ClientID})
		default:
			if k, ok := index(a, len(e.flow.Visible())); ok {
				if err := e.step(e.flow.Visible()[k]); err != nil {
					return true, err
				}
				continue
			}
			e.s.say("Type one of the letters shown, or a step number.")
			continue
		}
		if callErr != nil {
			e.s.say("That failed: %v", callErr)
			continue
		}
		switch resp := resp.(type) {
		case *client.PartnerCustomerUpdateResponse:
			ec = resp.EndCustomer
			e.s.say("Sent with /update (request %s).", resp.RequestID)
		case *client.PartnerCustomerGetResponse:
			ec = resp.EndCustomer
			e.s.say("Refreshed with /get (request %s).", resp.RequestID)
		case *client.PartnerCustomerEnableResponse:
			ec.Status, ec.ProductStatuses, prodNow = resp.Status, resp.ProductStatuses, resp.ProductionSecret
			e.s.say("Enabled with /enable (request %s).", resp.RequestID)
		}
	}
}

func (e *editor) beaconResult(u *client.BeaconUser) (bool, error) {
	for {
		e.s.say("")
		e.s.say("Screening result:")
		e.lines(send.DescribeBeaconUser(u))
		a, err := e.s.ask("f refreshes, v sets the status, p reports fraud, e edits and re-screens, Enter is done: ")
		if err != nil {
			return true, err
		}
		var next *client.BeaconUser
		var callErr error
		switch strings.ToLower(a) {
		case "":
			return true, nil
		case "e":
			e.s.say("Edit the answers; s on the review re-screens %s with /update (its version goes up).", u.ID)
			return false, nil
		case "f":
			next, callErr = e.s.deps.Client.GetBeaconUser(e.s.ctx, &client.BeaconUserGetRequest{BeaconUserID: u.ID})
		case "v":
			status := u.Status
			if err := e.fields(forms.ReviewForm(&status, e.flow.Options())); err != nil {
				return true, err
			}
			next, callErr = e.s.deps.Client.ReviewBeaconUser(e.s.ctx, &client.BeaconUserReviewRequest{BeaconUserID: u.ID, Status: status})
			if pe, ok := callErr.(*client.Error); ok {
				e.s.say("Plaid refused the status: %s", pe.Message())
				e.s.say("The rules: %s p reports fraud.", send.ReviewRules)
				continue
			}
		case "p":
			report := &forms.Report{FraudDate: e.s.deps.Now().Format("2006-01-02")}
			if err := e.fields(forms.ReportForm(report, e.flow.Options())); err != nil {
				return true, err
			}
			req := report.Request(u.ID)
			if ps := req.Check(e.flow.CheckOptions()); len(ps) > 0 {
				e.s.say("The report cannot be sent: %s", ps[0].String())
				continue
			}
			rep, err := e.s.deps.Client.CreateBeaconReport(e.s.ctx, req)
			if err != nil {
				e.s.say("The report failed: %v", err)
				continue
			}
			e.s.say("Fraud report %s created (%s, %s). The user can now be set to rejected (v); anyone matching them is rejected from now on.",
				rep.ID, rep.Type, rep.EventDate)
			continue
		default:
			e.s.say("Type f, v, p or e, or Enter.")
			continue
		}
		if callErr != nil {
			e.s.say("That failed: %v", callErr)
			continue
		}
		u = next
		e.s.say("Done: status %s, version %d (request %s).", u.Status, u.Version, u.RequestID)
	}
}

// lines reads out labelled lines; an unlabelled one continues the last.
func (e *editor) lines(ls []send.Line) {
	for _, l := range ls {
		if l.Label == "" {
			e.s.say("  %s", l.Value)
			continue
		}
		e.s.say("%s: %s", l.Label, l.Value)
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
