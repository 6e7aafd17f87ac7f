package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/catalog"
)

// requestPaths are the strings that name a field of a request or an
// endpoint: every field path the catalogue declares (with and without
// its list markers), every object a path lies in, every endpoint.
func requestPaths() map[string]bool {
	paths := map[string]bool{}
	for _, c := range catalog.All() {
		paths[c.Endpoint] = true
		create := c == catalog.PartnerCreate() || c == catalog.BeaconUserCreate()
		for _, f := range c.Fields() {
			p := strings.ReplaceAll(f.Path, "[]", "")
			segs := strings.Split(p, ".")
			for i := range segs {
				prefix := strings.Join(segs[:i+1], ".")
				// One word alone ("status", "type") is also just a word; a
				// create request's own fields are names that are not.
				if i > 0 || (create && strings.Contains(prefix, "_")) {
					paths[prefix] = true
				}
			}
			if p != f.Path || len(segs) > 1 || create {
				paths[f.Path] = true // "redirect_uris[]", "user.depository_accounts[].routing_number"
			}
		}
	}
	return paths
}

// TestRequestPathsLiveInTheCatalogue: a field is named by its path in
// catalog/ (which declares it), client/ (its wire shape) and emulator/
// (which answers it), and read from the catalogue everywhere else — so
// adding or renaming one is one change.
func TestRequestPathsLiveInTheCatalogue(t *testing.T) {
	paths := requestPaths()
	allowed := []string{"catalog/", "client/", "emulator/", "third_party/"}
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		for _, a := range allowed {
			if strings.HasPrefix(p, a) {
				return nil
			}
		}
		if isTestOnly(filepath.Dir(p)) {
			return nil
		}
		fs := token.NewFileSet()
		f, err := parser.ParseFile(fs, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			if s, err := strconv.Unquote(lit.Value); err == nil && paths[s] {
				t.Errorf("%s names the request path %q: read it from the catalogue", fs.Position(lit.Pos()), s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
