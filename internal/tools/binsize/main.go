// Command binsize shows what each module costs in the plaid-onboard binary:
//
//	go run ./internal/tools/binsize [extra-package ...]
//
// Two views. First, the binary's own ELF symbols summed by the module that
// defines them (the standard library as "std", the runtime apart); zero-
// filled data (.bss — crypto's 32 MB DRBG buffer) takes no room in the
// file and is left out, and what no symbol covers (pclntab, symbol tables,
// DWARF) is the remainder. Second, each dependency alone: a program that
// only imports the packages of that module the binary links, minus an
// empty program — its whole cost, with the standard library it pulls in
// and its share of pclntab. Extra packages named on the command line (for
// example github.com/nyaruka/phonenumbers) are measured the same way.
// Linux only (ELF).
package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "binsize:", err)
		os.Exit(1)
	}
}

func run() error {
	dir, err := os.MkdirTemp("", "binsize-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "plaid-onboard")
	stripped := filepath.Join(dir, "stripped")
	for _, args := range [][]string{
		{"build", "-o", bin, "."},
		{"build", "-trimpath", "-ldflags=-s -w", "-o", stripped, "."},
	} {
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	modules, err := moduleOfPackage()
	if err != nil {
		return err
	}
	sizes, sum, err := symbolSizes(bin, modules)
	if err != nil {
		return err
	}
	printLargestFirst(sizes, 10_000)
	total := fileSize(bin)
	fmt.Printf("%8.2f MB  %s\n", float64(total-int64(sum))/1e6, "not in any symbol: pclntab, symbol tables, DWARF")
	fmt.Printf("%8.2f MB  %s\n", float64(total)/1e6, "TOTAL, go build")
	fmt.Printf("%8.2f MB  %s\n", float64(fileSize(stripped))/1e6, `TOTAL, go build -trimpath -ldflags="-s -w"`)

	fmt.Println("\neach dependency alone (program importing only it, minus an empty program):")
	byModule := map[string][]string{}
	for pkg, mod := range modules {
		if mod != "std" && mod != "runtime" && mod != self {
			byModule[mod] = append(byModule[mod], pkg)
		}
	}
	for _, extra := range os.Args[1:] {
		byModule[extra] = []string{extra}
	}
	base, err := importOnlySize(dir, nil)
	if err != nil {
		return err
	}
	alone := map[string]uint64{}
	for mod, pkgs := range byModule {
		n, err := importOnlySize(dir, pkgs)
		if err != nil {
			return fmt.Errorf("%s: %w", mod, err)
		}
		alone[mod] = uint64(max(0, n-base))
	}
	printLargestFirst(alone, 100_000)
	fmt.Printf("%8.2f MB  %s\n", float64(base)/1e6, "an empty program")
	return nil
}

// printLargestFirst prints the sizes of at least min bytes, largest first.
func printLargestFirst(sizes map[string]uint64, min uint64) {
	names := make([]string, 0, len(sizes))
	for name := range sizes {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return sizes[names[i]] > sizes[names[j]] })
	for _, name := range names {
		if sizes[name] >= min {
			fmt.Printf("%8.2f MB  %s\n", float64(sizes[name])/1e6, name)
		}
	}
}

// self is this module, whose own packages are not a dependency.
const self = "github.com/plaid-onboard/plaid-onboard"

// importOnlySize builds a program that blank-imports pkgs and returns its
// size. The program lives in a directory inside this module so that the
// module's go.mod picks the versions.
func importOnlySize(tmp string, pkgs []string) (int64, error) {
	src, err := os.MkdirTemp("internal/tools/binsize", "probe-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(src)
	var b strings.Builder
	b.WriteString("package main\n\n")
	for _, p := range pkgs {
		if !strings.Contains(p, "/internal/") { // another module's internal packages cannot be imported
			fmt.Fprintf(&b, "import _ %q\n", p)
		}
	}
	b.WriteString("\nfunc main() {}\n")
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(b.String()), 0o600); err != nil {
		return 0, err
	}
	out := filepath.Join(tmp, filepath.Base(src))
	if msg, err := exec.Command("go", "build", "-o", out, "./"+src).CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v\n%s", err, msg)
	}
	return fileSize(out), nil
}

// moduleOfPackage maps each package linked into the program to its module.
func moduleOfPackage() (map[string]string, error) {
	out, err := exec.Command("go", "list", "-deps",
		"-f", "{{.ImportPath}} {{if .Module}}{{.Module.Path}}{{else}}std{{end}}", ".").Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if pkg, mod, ok := strings.Cut(sc.Text(), " "); ok {
			if mod == "std" && (pkg == "runtime" || strings.HasPrefix(pkg, "internal/runtime")) {
				mod = "runtime"
			}
			m[strings.TrimPrefix(pkg, "vendor/")] = mod
		}
	}
	return m, sc.Err()
}

func symbolSizes(bin string, modules map[string]string) (map[string]uint64, uint64, error) {
	f, err := elf.Open(bin)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		return nil, 0, err
	}
	sizes := map[string]uint64{}
	var sum uint64
	for _, s := range syms {
		if int(s.Section) >= len(f.Sections) || s.Section == elf.SHN_UNDEF {
			continue
		}
		if f.Sections[s.Section].Type == elf.SHT_NOBITS {
			continue // zero-filled at load: not in the file
		}
		mod, ok := modules[packageOf(s.Name)]
		if !ok {
			mod = "(compiler-made: closures, generic and type data)"
		}
		sizes[mod] += s.Size
		sum += s.Size
	}
	return sizes, sum, nil
}

// packageOf is the import path of a Go symbol: the name up to the first
// "." after its last "/", without a "type:" or "go:itab." prefix.
func packageOf(name string) string {
	for _, p := range []string{"type:", "go:itab.*", "go:itab."} {
		name = strings.TrimPrefix(name, p)
	}
	name = strings.TrimPrefix(name, "vendor/")
	slash := strings.LastIndex(strings.SplitN(name, "[", 2)[0], "/")
	if i := strings.Index(name[slash+1:], "."); i >= 0 {
		return name[:slash+1+i]
	}
	return name
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}
