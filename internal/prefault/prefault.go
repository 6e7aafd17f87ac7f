// Package prefault maps the program's machine code and the first
// megabytes of its heap in two system calls when it starts, instead of one
// page fault per page as they are first touched.
//
// Why: on the virtual machines this is built and measured on, a page
// fault costs about 10 µs (bare metal: well under 1 µs), and a start of
// plaid-onboard touches some 600 pages before `--help` is printed and
// about 1,300 before the first frame is drawn. madvise(MADV_POPULATE_*)
// maps the same pages in bulk for a fraction of that (BENCHMARKS.md,
// "Page faults"). It changes no memory's contents — it only fills in page
// tables for memory the program has mapped already — so where it is
// unsupported (Linux before 5.14, other systems) or fails, the program
// runs exactly as without it.
//
// main imports it for its side effect, first, so its init runs before most
// other packages'. PLAID_ONBOARD_PREFAULT=off turns it off (for measuring).
package prefault

// HeapAhead is how much heap is mapped at start, from where the runtime
// has got to. The first frame goes on to use about 2.5 MB more and `--help`
// about 0.6 MB; mapping a page in bulk costs about a tenth of taking its
// fault, but 2 MB measured best for both (BENCHMARKS.md).
const HeapAhead = 2 << 20

// Off is the value of PLAID_ONBOARD_PREFAULT that turns prefaulting off.
const Off = "off"

// Enabled reports whether the environment leaves prefaulting on.
func Enabled(getenv func(string) (string, bool)) bool {
	v, _ := getenv("PLAID_ONBOARD_PREFAULT")
	return v != Off
}
