package validate

import (
	"fmt"
	"strings"
)

// Problem is one broken rule in a whole request, named by the JSON path of
// the field (user.address.city) so a screen can jump to it and a script can
// print it.
type Problem struct {
	Path    string
	Message string
	// State is Incomplete or Invalid; both stop a submit.
	State State
	// Fix, when set, is a value that would satisfy the rule.
	Fix string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// Problems is every broken rule in a request, in field order.
type Problems []Problem

// Add records a problem for path when r is not valid.
func (ps *Problems) Add(path string, r Result) {
	if r.State == Valid {
		return
	}
	*ps = append(*ps, Problem{Path: path, Message: r.Message, State: r.State, Fix: r.Fix})
}

// Required records that a required field is missing.
func (ps *Problems) Required(path string) {
	*ps = append(*ps, Problem{Path: path, Message: "is required", State: Incomplete})
}

// Addf records an invalid value with a formatted message.
func (ps *Problems) Addf(path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Message: fmt.Sprintf(format, args...), State: Invalid})
}

// Under returns the problems whose path is prefix or lies beneath it.
func (ps Problems) Under(prefix string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Path == prefix || strings.HasPrefix(p.Path, prefix+".") || strings.HasPrefix(p.Path, prefix+"[") {
			out = append(out, p)
		}
	}
	return out
}

// Error joins the problems into one message; it makes Problems usable as an
// error value.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns nil when there are no problems, else the problems as an error.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// With adds the problems of more, leaving out a second problem for a path
// already named (a body's shape first, then its field rules).
func (ps Problems) With(more Problems) Problems {
	named := map[string]bool{}
	for _, p := range ps {
		named[p.Path] = true
	}
	out := ps
	for _, p := range more {
		if !named[p.Path] {
			out = append(out, p)
		}
	}
	return out
}
