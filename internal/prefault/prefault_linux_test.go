//go:build linux && (amd64 || arm64 || riscv64 || ppc64le || loong64 || mips64le)

package prefault

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestPopulateMapsTheCodeAndTheHeap: after Populate, every page of the
// executable segment is mapped in this process (smaps counts it all
// resident; without Populate a test run leaves some pages out), and the
// heap range lies inside the runtime's heap (one private writable
// anonymous mapping: populating it touched nothing else) with every page
// resident.
func TestPopulateMapsTheCodeAndTheHeap(t *testing.T) {
	text, heap, err := Populate()
	if errors.Is(err, syscall.EINVAL) {
		t.Skip("this kernel has no MADV_POPULATE_* (Linux < 5.14)")
	}
	if err != nil {
		t.Fatalf("Populate: %v", err)
	}
	page := uintptr(os.Getpagesize())

	code := reflect.ValueOf(Populate).Pointer()
	if code < text.Start || code >= text.Start+text.Len {
		t.Fatalf("text %#x+%#x does not hold Populate's code at %#x", text.Start, text.Len, code)
	}
	if text.Start%page != 0 {
		t.Fatalf("text starts at %#x, not on a page boundary", text.Start)
	}
	if m := mappingOf(t, text.Start); m.rssKB*1024 < uint64(text.Len-page) {
		t.Errorf("text segment %d KB, resident %d KB after Populate: want all of it", text.Len/1024, m.rssKB)
	}

	hm := mappingOf(t, heap.Start)
	if hm.perms != "rw-p" || hm.path != "" || heap.Start+heap.Len > hm.end {
		t.Fatalf("heap range %#x+%#x is not inside one private writable anonymous mapping: %+v", heap.Start, heap.Len, hm)
	}
	if n, want := residentPages(t, heap), int(heap.Len/page); n != want {
		t.Errorf("heap %#x+%#x: %d of %d pages resident after Populate", heap.Start, heap.Len, n, want)
	}
}

func TestEnabledUnlessTurnedOff(t *testing.T) {
	for v, want := range map[string]bool{"": true, "on": true, "1": true, Off: false} {
		got := Enabled(func(k string) (string, bool) {
			if k != "PLAID_ONBOARD_PREFAULT" {
				t.Fatalf("read %s", k)
			}
			return v, v != ""
		})
		if got != want {
			t.Errorf("PLAID_ONBOARD_PREFAULT=%q: enabled %v, want %v", v, got, want)
		}
	}
}

type mapping struct {
	start, end uintptr
	perms      string
	path       string
	rssKB      uint64
}

// mappingOf returns the mapping in /proc/self/smaps that holds addr.
func mappingOf(t *testing.T, addr uintptr) mapping {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	var cur mapping
	found := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			if found {
				return cur
			}
			var start, end uint64
			if _, err := fmt.Sscanf(fields[0], "%x-%x", &start, &end); err != nil {
				t.Fatalf("smaps line %q: %v", sc.Text(), err)
			}
			cur = mapping{start: uintptr(start), end: uintptr(end), perms: fields[1]}
			if len(fields) >= 6 {
				cur.path = fields[5]
			}
			found = cur.start <= addr && addr < cur.end
			continue
		}
		if found && len(fields) >= 2 && fields[0] == "Rss:" {
			cur.rssKB, _ = strconv.ParseUint(fields[1], 10, 64)
		}
	}
	if !found {
		t.Fatalf("no mapping holds %#x", addr)
	}
	return cur
}

// residentPages counts the pages of r that mincore reports resident.
func residentPages(t *testing.T, r Range) int {
	t.Helper()
	vec := make([]byte, int(r.Len)/os.Getpagesize())
	if _, _, errno := syscall.Syscall(syscall.SYS_MINCORE, r.Start, r.Len, uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatalf("mincore: %v", errno)
	}
	n := 0
	for _, b := range vec {
		n += int(b & 1)
	}
	return n
}
