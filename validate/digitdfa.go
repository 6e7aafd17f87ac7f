package validate

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// digitDFA matches a regular expression against strings of ASCII digits
// with a deterministic automaton built lazily from the expression's NFA: a
// state is the set of NFA instructions alive after the digits read so far,
// and each state's ten successors are computed on first use and kept. Once
// warm, a match is one table step per digit, which is what makes phone
// validation fast (libphonenumber's patterns are large alternations that
// Go's backtracking matcher walks slowly).
//
// It is safe for concurrent use: successors are published atomically, and
// building one takes a lock.
type digitDFA struct {
	prog   *syntax.Prog
	start  *dfaState
	mu     sync.Mutex
	states map[string]*dfaState
	// fallback and fallbackPrefix serve patterns the automaton does not
	// model; libphonenumber's have none, but a wrong answer must not follow.
	fallback, fallbackPrefix *regexp.Regexp
}

type dfaState struct {
	pcs    []uint32
	accept bool // the NFA can match here
	dead   bool // no instruction is alive: no continuation can match
	next   [10]atomic.Pointer[dfaState]
}

// maxDFAStates bounds memory per pattern. libphonenumber's patterns stay
// far below it; a pattern that would not falls back to regexp.
const maxDFAStates = 20000

// compileDigitDFA builds a matcher for pattern, or a regexp fallback when
// the pattern uses features the automaton does not model (anchors inside,
// word boundaries).
func compileDigitDFA(pattern string) *digitDFA {
	fallback := func() *digitDFA {
		return &digitDFA{
			fallback:       regexp.MustCompile("^(?:" + pattern + ")$"),
			fallbackPrefix: regexp.MustCompile("^(?:" + pattern + ")"),
		}
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return fallback()
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil || hasEmptyWidth(prog) {
		return fallback()
	}
	d := &digitDFA{prog: prog, states: map[string]*dfaState{}}
	d.start = d.state(d.closure([]uint32{uint32(prog.Start)})) //nolint:gosec // an instruction index of a small program
	return d
}

func hasEmptyWidth(p *syntax.Prog) bool {
	for _, in := range p.Inst {
		if in.Op == syntax.InstEmptyWidth {
			return true
		}
	}
	return false
}

// full reports whether the whole of digits matches.
func (d *digitDFA) full(digits string) bool {
	if d.fallback != nil {
		return d.fallback.MatchString(digits)
	}
	s := d.start
	for i := 0; i < len(digits); i++ {
		s = d.step(s, digits[i])
		if s.dead {
			return false
		}
	}
	return s.accept
}

// prefix reports whether some prefix of digits (possibly empty) matches.
func (d *digitDFA) prefix(digits string) bool {
	if d.fallbackPrefix != nil {
		return d.fallbackPrefix.MatchString(digits)
	}
	s := d.start
	for i := 0; ; i++ {
		if s.accept {
			return true
		}
		if i == len(digits) || s.dead {
			return false
		}
		s = d.step(s, digits[i])
	}
}

func (d *digitDFA) step(s *dfaState, c byte) *dfaState {
	if c < '0' || c > '9' {
		return d.dead()
	}
	if n := s.next[c-'0'].Load(); n != nil {
		return n
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if n := s.next[c-'0'].Load(); n != nil {
		return n
	}
	var moved []uint32
	r := rune(c)
	for _, pc := range s.pcs {
		in := &d.prog.Inst[pc]
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			if in.MatchRune(r) {
				moved = append(moved, in.Out)
			}
		}
	}
	n := d.state(d.closure(moved))
	s.next[c-'0'].Store(n)
	return n
}

// dead returns the state with no live instructions.
func (d *digitDFA) dead() *dfaState {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.state(nil)
}

// closure follows the instructions that consume no input.
func (d *digitDFA) closure(pcs []uint32) []uint32 {
	seen := make(map[uint32]bool, len(pcs)*2)
	var out []uint32
	stack := append([]uint32(nil), pcs...)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		in := &d.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Out, in.Arg)
		case syntax.InstNop, syntax.InstCapture:
			stack = append(stack, in.Out)
		default:
			out = append(out, pc)
		}
	}
	slices.Sort(out)
	return out
}

// state interns a set of instructions; the caller holds d.mu (or is the
// constructor).
func (d *digitDFA) state(pcs []uint32) *dfaState {
	var key strings.Builder
	for _, pc := range pcs {
		key.WriteString(strconv.FormatUint(uint64(pc), 36))
		key.WriteByte(',')
	}
	if s, found := d.states[key.String()]; found {
		return s
	}
	s := &dfaState{pcs: pcs, dead: len(pcs) == 0}
	for _, pc := range pcs {
		if d.prog.Inst[pc].Op == syntax.InstMatch {
			s.accept = true
		}
	}
	if len(d.states) >= maxDFAStates {
		// Stop interning: states still work, they just are not shared.
		return s
	}
	d.states[key.String()] = s
	return s
}
