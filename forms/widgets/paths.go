package widgets

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func ExpandHome(p string) string {
	if rest, found := strings.CutPrefix(p, "~/"); found {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// suggest lists the folders and PNG files that continue a typed path.
func SuggestPaths(typed string) []string {
	// What is typed up to its last separator is kept as typed (~/ stays
	// ~/); only the name after it is completed.
	cut := strings.LastIndexAny(typed, "/"+string(filepath.Separator)) + 1
	prefix, base := typed[:cut], typed[cut:]
	readDir := ExpandHome(prefix)
	if readDir == "" {
		readDir = "."
	}
	entries, err := os.ReadDir(readDir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".")) {
			continue
		}
		full := prefix + name
		if e.IsDir() {
			out = append(out, full+"/")
		} else if strings.EqualFold(filepath.Ext(name), ".png") {
			out = append(out, full)
		}
		if len(out) == 100 {
			break
		}
	}
	sort.Strings(out)
	return out
}
