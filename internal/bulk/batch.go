package bulk

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// State is where one draft of a batch stands.
type State string

// The states, in the order a batch row counts them.
const (
	Ready    State = "ready"
	Problems State = "with problems"
	Sent     State = "sent"
	Unknown  State = "outcome unknown"
	Refused  State = "refused"
)

// Member is one draft of a batch as a list shows it.
type Member struct {
	ID       string
	Index    int
	Title    string
	Kind     drafts.Kind
	State    State
	Problems validate.Problems
	Last     *drafts.Submission
	// Unreadable says why the draft could not be read, if it could not.
	Unreadable string
}

// Detail says in a few words what the state means for this draft.
func (m Member) Detail() string {
	switch m.State {
	case Problems:
		if m.Unreadable != "" {
			return m.Unreadable
		}
		first := m.Problems[0].String()
		if n := len(m.Problems); n > 1 {
			first += fmt.Sprintf(" (+%d more)", n-1)
		}
		return first
	case Sent:
		if m.Last.ErrorCode == alreadyCreated {
			return "created by an earlier attempt whose answer was lost (the application name is taken): its client_id is in the Plaid Dashboard"
		}
		return "created " + m.Last.ClientID + m.Last.BeaconUserID
	case Refused:
		return "refused " + m.Last.ErrorCode + ": fix it and send again"
	case Unknown:
		return "the last attempt's outcome is unknown: check before sending again (--force)"
	}
	return ""
}

// Batch is the drafts of one import.
type Batch struct {
	Name    string
	Kind    drafts.Kind
	Members []Member
}

// Count is how many members are in state s.
func (b Batch) Count(s State) int {
	n := 0
	for _, m := range b.Members {
		if m.State == s {
			n++
		}
	}
	return n
}

// Summary is the batch in a line: "12 ready · 3 with problems · 5 sent".
func (b Batch) Summary() string {
	out := ""
	for _, s := range []State{Ready, Problems, Sent, Refused, Unknown} {
		if n := b.Count(s); n > 0 || s == Ready {
			if out != "" {
				out += " · "
			}
			out += fmt.Sprintf("%d %s", n, s)
		}
	}
	return out
}

// Names lists the batches of the drafts listed, by most recent change.
func Names(list []drafts.Summary) []string {
	var out []string
	for _, s := range list {
		if s.Batch != "" && !slices.Contains(out, s.Batch) {
			out = append(out, s.Batch)
		}
	}
	return out
}

// Load reads every draft of batch name through and checks it for env,
// in the batch's order.
func Load(store *drafts.Store, name string, env catalog.Env) (Batch, error) {
	all, err := All(store, env, name)
	if err != nil {
		return Batch{}, err
	}
	if len(all) == 0 {
		return Batch{}, fmt.Errorf("no batch %q: `plaid-onboard drafts list` shows the batches", name)
	}
	return all[0], nil
}

// All reads every batch (or only the one named, when only is set), most
// recently changed first, each draft read through and checked for env.
func All(store *drafts.Store, env catalog.Env, only string) ([]Batch, error) {
	list, _, err := store.List()
	if err != nil {
		return nil, err
	}
	return Of(store, list, env, only), nil
}

// Of is All for drafts already listed: only a batch's drafts are read
// through.
func Of(store *drafts.Store, list []drafts.Summary, env catalog.Env, only string) []Batch {
	return (*Cache)(nil).Of(store, list, env, only)
}

// Cache keeps where each batch draft stood when last read, by its last
// save: a screen listing batches again reads through only the drafts
// saved since (a return to the home screen after fixing one).
type Cache struct {
	members map[string]cachedMember
}

type cachedMember struct {
	saved    time.Time
	revision int64
	env      catalog.Env
	m        Member
}

// NewCache is an empty cache.
func NewCache() *Cache { return &Cache{members: map[string]cachedMember{}} }

// member is where draft s stands, read through unless the cache holds it
// as last saved.
func (c *Cache) member(store *drafts.Store, s drafts.Summary, env catalog.Env) Member {
	if c != nil {
		if hit, found := c.members[s.ID]; found && hit.saved.Equal(s.UpdatedAt) && hit.revision == s.Revision && hit.env.Environment == env.Environment &&
			hit.env.Now.Truncate(24*time.Hour).Equal(env.Now.Truncate(24*time.Hour)) {
			return hit.m
		}
	}
	m := Member{ID: s.ID, Index: s.BatchIndex, Title: s.Title, Kind: s.Kind}
	d, err := store.Load(s.ID)
	if err != nil {
		m.State, m.Unreadable = Problems, err.Error()
		m.Problems = validate.Problems{{Path: "(draft)", Message: err.Error()}}
		return m // not kept: it may be readable next time
	}
	m.State, m.Problems, m.Last = StateOf(d, env)
	if c != nil {
		c.members[s.ID] = cachedMember{saved: s.UpdatedAt, revision: s.Revision, env: env, m: m}
	}
	return m
}

// Of is bulk.Of, through the cache.
func (c *Cache) Of(store *drafts.Store, list []drafts.Summary, env catalog.Env, only string) []Batch {
	var out []Batch
	for _, name := range Names(list) {
		if only != "" && name != only {
			continue
		}
		b := Batch{Name: name}
		for _, s := range list {
			if s.Batch != name {
				continue
			}
			b.Kind = s.Kind
			b.Members = append(b.Members, c.member(store, s, env))
		}
		slices.SortFunc(b.Members, func(x, y Member) int { return cmp.Or(cmp.Compare(x.Index, y.Index), cmp.Compare(x.ID, y.ID)) })
		out = append(out, b)
	}
	return out
}

// StateOf is where a draft stands: sent once anything was created from
// it, unknown while its last attempt's outcome is, else whether it can
// be sent as it is.
func StateOf(d *drafts.Draft, env catalog.Env) (State, validate.Problems, *drafts.Submission) {
	var last *drafts.Submission
	if n := len(d.Submissions); n > 0 {
		last = &d.Submissions[n-1]
	}
	if s, ok := d.LastSuccess(); ok {
		return Sent, nil, &s
	}
	if takenByEarlier(d) {
		return Sent, nil, last
	}
	if last != nil && last.Unknown() {
		return Unknown, nil, last
	}
	if ps := d.Check(env); len(ps) > 0 {
		return Problems, ps, last
	}
	if last != nil && last.Outcome == client.Rejected.String() {
		return Refused, nil, last
	}
	return Ready, nil, last
}

// SendOptions change how a batch is sent.
type SendOptions struct {
	// KeepGoing sends the rest after a failure.
	KeepGoing bool
	// Force sends drafts whose last attempt's outcome is unknown.
	Force bool
	NoPII bool
	Now   func() time.Time
}

// Step is the progress of a batch send, after each draft.
type Step struct {
	Done, Total int
	Member      Member
	Outcome     Outcome
	// Result is what became of it, in words: created (the id), skipped
	// and why, failed and why.
	Result string
	Err    error
}

// Outcome is what sending one draft of a batch came to.
type Outcome int

// The outcomes.
const (
	OutcomeSent    Outcome = iota // created
	OutcomeSkipped                // not sent: sent already, unknown, problems, open elsewhere
	OutcomeSettled                // found created by an earlier attempt
	OutcomeFailed                 // refused, or no usable answer
)

// SendOne sends one member of a batch: the draft is locked and read again
// (it may have changed since the batch was listed), checked, and sent
// with its attempt on disk first. The request is never cut off by ctx:
// a batch stops between drafts.
func SendOne(ctx context.Context, c *client.Client, store *drafts.Store, m Member, env client.Environment, o SendOptions) Step {
	step := Step{Member: m}
	sent, err := sendOne(context.WithoutCancel(ctx), c, store, m.ID, env, o)
	switch {
	case errors.Is(err, errSkip):
		step.Outcome, step.Result = OutcomeSkipped, err.Error()
	case errors.Is(err, errSettled):
		step.Outcome, step.Result = OutcomeSettled, err.Error()
	case err != nil:
		step.Outcome, step.Result, step.Err = OutcomeFailed, "failed: "+err.Error(), err
	default:
		step.Outcome, step.Result = OutcomeSent, "created "+sent
	}
	return step
}

// Report is what a batch send did.
type Report struct {
	Sent, Failed, Skipped int
	// Settled counts drafts found created by an earlier attempt.
	Settled int
	// Stopped says why the send ended early ("" when it went through).
	Stopped string
}

// Send sends every draft of b that is ready (and, with Force, those whose
// outcome is unknown), in order, each through actions.Send: the attempt
// on disk before the request leaves, the answer recorded on the draft.
// It stops at the first failure unless KeepGoing; a cancelled ctx stops
// it after the request in flight, which is never cut off.
func Send(ctx context.Context, c *client.Client, store *drafts.Store, b Batch, env client.Environment, o SendOptions, progress func(Step)) Report {
	var r Report
	todo := Sendable(b, o.Force)
	for i, m := range todo {
		if ctx.Err() != nil {
			r.Stopped = "interrupted: the rest were not sent"
			break
		}
		step := SendOne(ctx, c, store, m, env, o)
		step.Done, step.Total = i+1, len(todo)
		r.Add(step)
		if progress != nil {
			progress(step)
		}
		if step.Outcome == OutcomeFailed && !o.KeepGoing {
			r.Stopped = "stopped at the first failure (--keep-going sends the rest)"
			break
		}
	}
	return r
}

// Add counts one draft's outcome.
func (r *Report) Add(s Step) {
	switch s.Outcome {
	case OutcomeSkipped:
		r.Skipped++
	case OutcomeSettled:
		r.Settled++
	case OutcomeFailed:
		r.Failed++
	default:
		r.Sent++
	}
}

// Sendable is what a send of b takes on, in order.
func Sendable(b Batch, force bool) []Member {
	var out []Member
	for _, m := range b.Members {
		if m.State == Ready || m.State == Refused || (force && m.State == Unknown) {
			out = append(out, m)
		}
	}
	return out
}

var (
	errSkip    = errors.New("skipped")
	errSettled = errors.New("settled")
)

// sendOne locks and reads the draft again (it may have changed since the
// batch was listed), checks it, and sends it.
func sendOne(ctx context.Context, c *client.Client, store *drafts.Store, id string, env client.Environment, o SendOptions) (string, error) {
	unlock, err := store.Lock(id)
	if errors.Is(err, drafts.ErrInUse) {
		return "", fmt.Errorf("%w: open in plaid-onboard elsewhere", errSkip)
	}
	if unlock != nil {
		defer unlock()
	}
	d, err := store.Load(id)
	if err != nil {
		return "", err
	}
	switch state, ps, _ := StateOf(d, catalog.Env{Environment: env, Now: o.Now()}); {
	case state == Sent:
		return "", fmt.Errorf("%w: already sent", errSkip)
	case state == Unknown && !o.Force:
		return "", fmt.Errorf("%w: its last attempt's outcome is unknown", errSkip)
	case state == Problems:
		return "", fmt.Errorf("%w: %d problems (%s)", errSkip, len(ps), ps[0])
	}
	save := func(d *drafts.Draft) error { return store.Save(d, drafts.SaveOptions{NoPII: o.NoPII}) }
	_, sub, recorded, err := actions.Send(ctx, c, d, env, o.Now(), save)
	if err != nil && takenByEarlier(d) && recorded == nil {
		return "", fmt.Errorf("%w: created by the earlier attempt, whose answer was lost (%s refused a second: the application name is taken)", errSettled, alreadyCreated)
	}
	if err != nil {
		return "", err
	}
	if recorded != nil {
		return sub.ClientID + sub.BeaconUserID, fmt.Errorf("created %s, but %s", sub.ClientID+sub.BeaconUserID, actions.NotRecorded(d, sub, recorded))
	}
	return sub.ClientID + sub.BeaconUserID, nil
}

// alreadyCreated is Plaid's refusal of a second end customer with an
// application name already taken.
const alreadyCreated = "CUSTOMER_ALREADY_CREATED"

// takenByEarlier reports whether a customer draft, sent again after an
// attempt whose outcome was unknown, was refused because its application
// name is taken: the earlier attempt created it. (Plaid cannot look an
// end customer up by name, so its client_id stays unknown here.)
func takenByEarlier(d *drafts.Draft) bool {
	n := len(d.Submissions)
	return d.Partner != nil && n >= 2 && d.Submissions[n-1].ErrorCode == alreadyCreated && d.Submissions[n-2].Unknown()
}
