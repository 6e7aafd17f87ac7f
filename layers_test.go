package main

import (
	"os/exec"
	"strings"
	"testing"
)

// layers is the program's structure, bottom to top, as README's
// Development section draws it: a package may import packages of lower
// layers only. Packages of one layer do not import each other (forms does
// not send; actions asks nothing).
var layers = [][]string{
	{"validate", "internal/atomicfile", "internal/filelock", "internal/words", "internal/masking", "internal/termtext", "internal/buildinfo", "third_party/fang"},
	{"client", "internal/prefs"},
	{"catalog", "internal/theme", "internal/webhooks", "internal/exitcode"},
	{"drafts", "emulator", "internal/debuglog", "forms/widgets"},
	{"internal/actions", "forms", "internal/app", "internal/demo"},
	{"ui/uikit", "cmd/cmdutil", "internal/doctor", "internal/bulk"},
	{"ui/home", "ui/listen", "ui/lookup", "ui/plain", "ui/wizard", "cmd/beacon", "cmd/customer", "cmd/listen", "cmd/drafts", "cmd/emulator", "cmd/submit", "cmd/version", "cmd/doctor"},
	{"ui", "cmd/root"},
	{"."},
}

// testOnly are helpers for tests: the program must not contain them.
var testOnly = []string{"internal/tuitest", "internal/spectest", "internal/cmdtest", "internal/tmuxtest",
	"internal/testbin", "internal/emutest", "internal/fulldisk", "internal/httpmock", "internal/samples", "internal/benchapps/", "validate/internal/"}

const module = "github.com/plaid-onboard/plaid-onboard"

func short(p string) string {
	if p == module {
		return "."
	}
	return strings.TrimPrefix(p, module+"/")
}

// TestLayers holds every package of the module to its layer, and keeps
// the test helpers and the screens where they belong.
func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	layerOf := map[string]int{}
	for i, l := range layers {
		for _, p := range l {
			layerOf[p] = i
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := short(fields[0])
		if isTestOnly(pkg) {
			continue
		}
		from, known := layerOf[pkg]
		if !known {
			t.Errorf("package %s has no layer: add it to layers (and to README's Development section)", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			dep := short(imp)
			if isTestOnly(dep) {
				t.Errorf("%s imports the test helper %s", pkg, dep)
				continue
			}
			to, known := layerOf[dep]
			switch {
			case !known:
				t.Errorf("%s imports %s, which has no layer", pkg, dep)
			case to >= from:
				t.Errorf("%s (layer %d) imports %s (layer %d): only lower layers may be imported", pkg, from, dep, to)
			case strings.HasPrefix(pkg, "cmd/") && strings.HasPrefix(dep, "ui"):
				t.Errorf("%s imports %s: the commands get the screens from main, injected", pkg, dep)
			case strings.HasPrefix(pkg, "ui") && strings.HasPrefix(dep, "cmd/"):
				t.Errorf("%s imports %s: the screens import nothing of the commands", pkg, dep)
			}
		}
	}
}

// TestBinaryHasNoTestHelpers: nothing a test drives the screens with runs
// inside the program.
func TestBinaryHasNoTestHelpers(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, module) && isTestOnly(short(p)) {
			t.Errorf("the program links the test helper %s", short(p))
		}
	}
}

func isTestOnly(pkg string) bool {
	for _, p := range testOnly {
		if pkg == strings.TrimSuffix(p, "/") || (strings.HasSuffix(p, "/") && strings.HasPrefix(pkg, p)) {
			return true
		}
	}
	return false
}
