//go:build linux && (amd64 || arm64 || riscv64 || ppc64le || loong64 || mips64le)

package prefault

// Built only for 64-bit little-endian Linux: the ELF and auxiliary-vector
// layouts read here are those.

// Only syscall and unsafe, not even encoding/binary (which waits for
// reflect) or bytes (which waits for unicode), hence le16/le32/le64 and
// indexByte below: a package's init runs after those of everything it
// imports, and this one should run as early as it can.
import (
	"syscall"
	"unsafe"
)

func init() {
	// os has not read the environment yet when this runs; syscall has.
	if Enabled(syscall.Getenv) {
		_, _, _ = Populate()
	}
}

// Populate maps the program's code (read) and the next HeapAhead bytes of
// its heap (write) and says which ranges it asked for. The error is the first
// refusal: EINVAL from a kernel older than 5.14.
func Populate() (text, heap Range, err error) {
	text, ok := Text()
	if ok {
		err = madvise(text, madvPopulateRead)
	}
	heap, ok = Heap()
	if ok {
		if herr := madvise(heap, madvPopulateWrite); err == nil {
			err = herr
		}
	}
	return text, heap, err
}

// Range is a span of this process's address space.
type Range struct{ Start, Len uintptr }

// Text returns the program's executable segment: its place in the file
// from the ELF program headers of /proc/self/exe, moved by the load bias
// the kernel's auxiliary vector gives (so it holds for position-independent
// builds too).
func Text() (Range, bool) {
	exe, err := readFile("/proc/self/exe", 4096)
	if err != nil {
		return Range{}, false
	}
	if len(exe) < 64 || string(exe[:4]) != "\x7fELF" || exe[4] != 2 || exe[5] != 1 {
		return Range{}, false // not a little-endian ELF64 file
	}
	phoff, phentsize, phnum := le64(exe[32:]), int(le16(exe[54:])), int(le16(exe[56:]))
	if phentsize < 56 || phnum == 0 || phoff > uint64(len(exe)) || uint64(len(exe))-phoff < uint64(phentsize*phnum) {
		return Range{}, false // the headers are not in the first page, as every linker puts them
	}
	phdrs := exe[phoff:]
	var text, self *elfPhdr
	for i := range phnum {
		ph := parsePhdr(phdrs[i*phentsize:])
		switch {
		case ph.typ == ptPHDR:
			self = &ph
		case ph.typ == ptLOAD && ph.flags&pfX != 0 && text == nil:
			text = &ph
		}
	}
	if text == nil {
		return Range{}, false
	}
	var bias uintptr
	if at := auxval(atPHDR); self != nil && at != 0 {
		bias = at - uintptr(self.vaddr)
	} else if le16(exe[16:]) != etEXEC {
		return Range{}, false // position-independent, and no way to know where
	}
	page := uintptr(syscall.Getpagesize())
	start := (bias + uintptr(text.vaddr)) &^ (page - 1)
	end := bias + uintptr(text.vaddr+text.memsz)
	return Range{start, end - start}, true
}

// Heap returns where the next HeapAhead bytes of heap will most likely
// come from: from the start of the megabyte that holds a new object, within
// the mapping that holds it (/proc/self/maps). The Go runtime maps its heap
// a few megabytes at a time and hands out pages from the lowest free
// address, so at start this is where the next objects and goroutine stacks
// go. Should it place things differently, the pages are mapped for nothing
// (a little memory); no data can change. The runtime still counts these
// pages as returned to the system until it uses them, so its memory
// statistics can read up to HeapAhead low.
func Heap() (Range, bool) {
	obj := uintptr(unsafe.Pointer(newObject()))
	lo, hi, ok := mappingAt(obj)
	if !ok {
		return Range{}, false
	}
	start := max(obj&^(1<<20-1), lo)
	return Range{start, min(start+HeapAhead, hi) - start}, true
}

// mappingAt returns the bounds of the mapping in /proc/self/maps that holds
// addr.
func mappingAt(addr uintptr) (lo, hi uintptr, ok bool) {
	maps, err := readFile("/proc/self/maps", 16<<10)
	if err != nil {
		return 0, 0, false
	}
	for len(maps) > 0 {
		line := maps
		if i := indexByte(maps, '\n'); i >= 0 {
			line, maps = maps[:i], maps[i+1:]
		} else {
			maps = nil
		}
		// "start-end perms offset dev inode path", addresses in hex.
		lo, rest, ok1 := hexPrefix(line)
		if !ok1 || len(rest) == 0 || rest[0] != '-' {
			continue
		}
		hi, _, ok2 := hexPrefix(rest[1:])
		if ok2 && lo <= addr && addr < hi {
			return lo, hi, true
		}
	}
	return 0, 0, false
}

// hexPrefix parses the hexadecimal number at the start of b.
func hexPrefix(b []byte) (n uintptr, rest []byte, ok bool) {
	i := 0
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		default:
			return n, b[i:], i > 0
		}
		n = n<<4 | uintptr(c)
	}
	return n, nil, i > 0
}

func indexByte(b []byte, c byte) int {
	for i := range b {
		if b[i] == c {
			return i
		}
	}
	return -1
}

//go:noinline
func newObject() *[64]byte { return new([64]byte) }

func madvise(r Range, advice int) error {
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, r.Start, r.Len, uintptr(advice)); errno != 0 {
		return errno
	}
	return nil
}

// auxval returns a value of the auxiliary vector the kernel gave the
// process, or 0.
func auxval(key uint64) uintptr {
	auxv, err := readFile("/proc/self/auxv", 1024)
	if err != nil {
		return 0
	}
	for i := 0; i+16 <= len(auxv); i += 16 { // pairs of 64-bit key, value
		if le64(auxv[i:]) == key {
			return uintptr(le64(auxv[i+8:]))
		}
	}
	return 0
}

// readFile reads up to max bytes from the start of a file.
func readFile(name string, max int) ([]byte, error) {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	buf := make([]byte, max)
	n := 0
	for n < max { // files under /proc may answer a read in parts
		m, err := syscall.Read(fd, buf[n:])
		if err != nil {
			return nil, err
		}
		if m == 0 {
			break
		}
		n += m
	}
	return buf[:n], nil
}

// From the ELF specification and <elf.h>.
const (
	madvPopulateRead  = 22 // MADV_POPULATE_READ, Linux 5.14
	madvPopulateWrite = 23 // MADV_POPULATE_WRITE, Linux 5.14

	atPHDR = 3 // auxiliary vector: where the program headers are in memory
	etEXEC = 2 // file type: executable at a fixed address
	ptLOAD = 1
	ptPHDR = 6
	pfX    = 1 // segment flag: executable
)

// elfPhdr is the part of an ELF64 program header (Elf64_Phdr) used here,
// read by hand so that starting the program does not link debug/elf.
type elfPhdr struct {
	typ, flags   uint32
	vaddr, memsz uint64
}

func parsePhdr(b []byte) elfPhdr {
	return elfPhdr{typ: le32(b[0:]), flags: le32(b[4:]), vaddr: le64(b[16:]), memsz: le64(b[40:])}
}

// Little-endian reads, as encoding/binary's (see the import comment).
func le16(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
func le32(b []byte) uint32 { return uint32(le16(b)) | uint32(le16(b[2:]))<<16 }
func le64(b []byte) uint64 { return uint64(le32(b)) | uint64(le32(b[4:]))<<32 }
