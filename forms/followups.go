package forms

import (
	"strconv"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// reportTypeLabels explain the report types Plaid's docs show.
var reportTypeLabels = map[client.BeaconReportType]string{
	"first_party":      "First party — the person who applied committed the fraud",
	"stolen":           "Stolen identity — someone else used their details",
	"synthetic":        "Synthetic — a made-up identity",
	"account_takeover": "Account takeover — their account was taken over",
	"unknown":          "Unknown — not sure who committed it",
}

// Report holds the answers of the fraud report form.
type Report struct {
	Type      client.BeaconReportType
	FraudDate string
	Amount    string // as typed; empty when unknown
	Changes   Changes
}

// Request turns the answers into the request for beaconUserID.
func (r *Report) Request(beaconUserID string) *client.BeaconReportCreateRequest {
	req := &client.BeaconReportCreateRequest{BeaconUserID: beaconUserID, Type: r.Type, FraudDate: r.FraudDate}
	if r.Amount != "" {
		v, err := strconv.ParseFloat(r.Amount, 64)
		if err == nil {
			req.FraudAmount = &client.FraudAmount{ISOCurrencyCode: "USD", Value: v}
		}
	}
	return req
}

// ReportForm asks for a fraud report: its type, when the fraud happened and
// (if known) how much was lost.
func ReportForm(r *Report, opt Options) *StepForm {
	if r.Type == "" {
		r.Type = "first_party"
	}
	now := opt.Now
	opts := make([]huh.Option[client.BeaconReportType], len(client.BeaconReportTypesShown))
	for i, t := range client.BeaconReportTypesShown {
		opts[i] = huh.NewOption(reportTypeLabels[t], t)
	}
	typ := NewChoice(ChoiceSpec{Key: "type", Title: "What kind of fraud?"}, opts, Bind(&r.Type, &r.Changes))
	date := NewInput(InputSpec{Key: "fraud_date", Title: "When did it happen?", Required: true, Placeholder: "YYYY-MM-DD",
		CharLimit: 24, Check: func(s string) validate.Result { return validate.PastDate(s, now()) }},
		Bind(&r.FraudDate, &r.Changes)).Accessible(opt.Accessible)
	amount := NewInput(InputSpec{Key: "fraud_amount.value", Title: "Amount lost, in USD", Placeholder: "leave empty if unknown",
		Description: "0 means nothing was lost", CharLimit: 24, Check: validate.Amount},
		Bind(&r.Amount, &r.Changes)).Accessible(opt.Accessible)
	fields := []huh.Field{typ, date, amount}
	f := &Flow{opt: opt}
	return f.newForm(fields, huh.NewGroup(fields...))
}

// statusLabels say what each Beacon status means for the agent.
var statusLabels = map[client.BeaconUserStatus]string{
	client.BeaconCleared:       "cleared — nothing found; needs no active fraud report",
	client.BeaconPendingReview: "pending_review — to be looked at; always allowed",
	client.BeaconRejected:      "rejected — fraud; needs a fraud report on this user",
}

// ReviewForm asks for the status to set on a Beacon user.
func ReviewForm(status *client.BeaconUserStatus, opt Options) *StepForm {
	opts := make([]huh.Option[client.BeaconUserStatus], 0, 3)
	for _, s := range []client.BeaconUserStatus{client.BeaconCleared, client.BeaconPendingReview, client.BeaconRejected} {
		opts = append(opts, huh.NewOption(statusLabels[s], s))
	}
	sel := NewChoice(ChoiceSpec{Key: "status", Title: "Set the status to"}, opts, Bind(status, nil))
	f := &Flow{opt: opt}
	return f.newForm([]huh.Field{sel}, huh.NewGroup(sel))
}
