package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Check lists every problem of a request (a pointer to a request type):
// the required fields Plaid's schema names, each field's rule and our own
// requirements, then the rules that span several fields; in the order the
// wizard asks the fields. An empty list means it can be sent.
func (c *Catalog) Check(req any, env Env) validate.Problems {
	return c.walk(req, env).ps
}

// Advice lists the advice on a request's values that can be sent as they
// are (State Valid, the fix it suggests): rules of ours rather than
// Plaid's, like https:// on a website, and doubts Plaid's rule does not
// share, like a phone number in no range libphonenumber knows. None of it
// stops a submit; the review and `submit` show it.
func (c *Catalog) Advice(req any, env Env) validate.Problems {
	return c.walk(req, env).advice
}

// Notes is what to know before sending that does not stop it: the advice
// on the values (Advice), then each answer left empty that /update can
// never add once the request has created its object (a yes/no question
// unanswered, a field Plaid expects), in the order the wizard asks them.
func (c *Catalog) Notes(req any, env Env) validate.Problems {
	notes := c.Advice(req, env)
	if c.update == nil {
		return notes
	}
	ch := &checker{req: req, scope: Scope{req: req, env: env}}
	for _, f := range c.fields {
		if (f.Kind != YesNo && !f.Expected) || c.Updatable(f.Path) || f.IsList() {
			continue
		}
		for _, p := range client.Expand(req, f.Path) {
			v := ch.value(p)
			empty := !v.IsValid() || v.IsZero()
			if empty && ch.sent(parent(p)) || empty && parent(p) == "" {
				notes = append(notes, validate.Problem{Path: p, State: validate.Valid,
					Message: "left unanswered, and it cannot be added after the create: /update does not take it"})
			}
		}
	}
	slices.SortStableFunc(notes, func(a, b validate.Problem) int { return c.Compare(a.Path, b.Path) })
	return notes
}

// walk checks the whole request, in the order the wizard asks the fields.
func (c *Catalog) walk(req any, env Env) *checker {
	ch := &checker{req: req, scope: Scope{req: req, env: env}}
	for _, p := range client.MissingFields(req) {
		if withinChecked(p) {
			ch.ps.Required(p)
		}
	}
	for _, f := range c.fields {
		ch.field(f)
	}
	if c.more != nil {
		c.more(ch)
	}
	byField := func(a, b validate.Problem) int { return c.Compare(a.Path, b.Path) }
	slices.SortStableFunc(ch.ps, byField)
	slices.SortStableFunc(ch.advice, byField)
	return ch
}

// Compare orders field paths as the wizard asks the fields: by field,
// and the items of a list by index, each item's fields in order.
func (c *Catalog) Compare(a, b string) int {
	ka, kb := c.sortKey(a), c.sortKey(b)
	return slices.Compare(ka, kb)
}

// sortKey is a path's place: the position of its list (or field), the
// item indices, then the position of the field itself.
func (c *Catalog) sortKey(path string) []int {
	root := path
	if i := strings.IndexByte(path, ']'); i >= 0 {
		root = path[:i+1]
	}
	key := []int{c.position(root)}
	parts := strings.Split(path, "[")[1:]
	if len(parts) == 0 {
		// A list as a whole (too long, empty) before any of its items.
		key = append(key, -1)
	}
	for _, part := range parts {
		n, _ := strconv.Atoi(part[:max(0, strings.IndexByte(part, ']'))])
		key = append(key, n)
	}
	return append(key, c.position(path))
}

// CheckRequest checks any request this program sends.
func CheckRequest(req any, env Env) validate.Problems {
	c := For(req)
	if c == nil {
		return validate.Problems{{Path: "(body)", Message: fmt.Sprintf("%T is not a request this program sends", req), State: validate.Invalid}}
	}
	return c.Check(req, env)
}

// MaxItemsChecked is how many items of a list are checked one by one: more
// than any list may hold (50 accounts, 100 redirect URIs), so a list past
// its limit is refused for its length, and a hostile one of 100,000 items
// costs what 100 do.
const MaxItemsChecked = 100

// withinChecked reports whether a concrete path lies in the items of its
// lists that are checked one by one.
func withinChecked(path string) bool {
	for _, part := range strings.Split(path, "[")[1:] {
		if i, err := strconv.Atoi(part[:max(0, strings.IndexByte(part, ']'))]); err == nil && i >= MaxItemsChecked {
			return false
		}
	}
	return true
}

// expand is client.Expand over the items a check looks at.
func (ch *checker) expand(pattern string) []string {
	return client.ExpandFirst(ch.req, pattern, MaxItemsChecked)
}

// checker gathers the problems of one request.
type checker struct {
	req    any
	scope  Scope
	ps     validate.Problems
	advice validate.Problems
}

// text is the string at path ("" when absent).
func (ch *checker) text(path string) string { return ch.scope.Value(path) }

// value is the value at path (invalid when absent).
func (ch *checker) value(path string) reflect.Value {
	v, _ := client.Resolve(ch.req, path)
	return v
}

// count is the length of the list at path (0 when absent).
func (ch *checker) count(path string) int {
	if v := ch.value(path); v.IsValid() && v.Kind() == reflect.Slice {
		return v.Len()
	}
	return 0
}

// sent reports whether the object at path is sent: present and not empty.
// The request itself always is.
func (ch *checker) sent(path string) bool {
	if path == "" {
		return true
	}
	v := ch.value(path)
	if c := ch.value(parent(path)); v.IsValid() && c.IsValid() && c.Kind() == reflect.Map {
		return true // an entry of an object keyed by name is sent once it is there
	}
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
	return v.IsValid() && !v.IsZero()
}

// parent is the path of the object holding path ("" for the request).
func parent(path string) string {
	if i := strings.LastIndexAny(path, ".["); i >= 0 {
		if path[i] == '[' {
			return path // an item is its own object
		}
		return path[:i]
	}
	return ""
}

// need records our own requirement of an empty field.
func (ch *checker) need(path, why string) {
	ch.ps.Add(path, validate.Result{State: validate.Incomplete, Message: why})
}

// field applies a field's rule to each of its values, and its requirement
// when it is empty.
func (ch *checker) field(f *Field) {
	if f.Kind == YesNo {
		for _, p := range ch.expand(f.Path) {
			if v := ch.value(p); v.IsValid() && v.IsNil() && f.Need != "" && !f.required && ch.sent(parent(p)) {
				ch.need(p, f.Need)
			}
		}
		return
	}
	if !f.IsText() {
		return
	}
	if f.IsList() {
		ch.list(f)
		return
	}
	for _, p := range ch.expand(f.Path) {
		ch.one(f, p, ch.text(p))
	}
}

func (ch *checker) one(f *Field, p, v string) {
	switch {
	case v == "":
		if f.Need != "" && !f.required && ch.sent(parent(p)) {
			ch.need(p, f.Need)
		}
	case f.Rule != nil:
		r := f.Rule(v, ch.scope)
		ch.ps.Add(p, r)
		if a := r.Advice(); a != "" {
			ch.advice = append(ch.advice, validate.Problem{Path: p, Message: a, State: validate.Valid, Fix: r.Fix})
		}
	}
}

// list checks the items of a list field, each by the rule, and that none
// repeats an earlier one when the list must be unique. An empty list gets
// the field's requirement when its object is sent.
func (ch *checker) list(f *Field) {
	listPattern := strings.TrimSuffix(f.Path, "[]")
	for _, lp := range ch.expand(listPattern) {
		items := ch.value(lp)
		if !items.IsValid() || items.Kind() != reflect.Slice {
			continue
		}
		if items.Len() == 0 && f.Need != "" && ch.sent(parent(lp)) {
			ch.need(lp, f.Need)
		}
		if f.Max > 0 && items.Len() > f.Max {
			ch.ps.Addf(lp, "at most %d (this one has %d)", f.Max, items.Len())
		}
		seen := make(map[string]bool, min(items.Len(), MaxItemsChecked))
		for i := range min(items.Len(), MaxItemsChecked) {
			p := fmt.Sprintf("%s[%d]", lp, i)
			v := items.Index(i).String()
			ch.one(f, p, v)
			if f.Unique && seen[v] {
				ch.ps.Addf(p, "%q is listed twice", v)
			}
			seen[v] = true
		}
	}
}
