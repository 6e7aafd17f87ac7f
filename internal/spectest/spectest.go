// Package spectest loads Plaid's OpenAPI subset for tests and checks JSON
// bodies against its schemas. Only tests import it, so kin-openapi never
// reaches the binary.
package spectest

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// EnvPath overrides where the spec is read from.
const EnvPath = "PLAID_OPENAPI_SPEC"

// Spec is the loaded document.
type Spec struct {
	Doc *openapi3.T
}

var load = sync.OnceValues(func() (*Spec, error) {
	path, err := Path()
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, err
	}
	return &Spec{Doc: doc}, nil
})

// Path finds ../shared/plaid-api/openapi-subset.yml beside the module root,
// or the file named by PLAID_OPENAPI_SPEC.
func Path() (string, error) {
	if p := os.Getenv(EnvPath); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "plaid-api", "openapi-subset.yml")
			if _, err := os.Stat(p); err != nil {
				return "", err
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("module root not found")
		}
		dir = parent
	}
}

// Load returns the spec. Without it the test is skipped on a developer's
// machine and fails in CI (CI set), where the spec must be present.
func Load(tb testing.TB) *Spec {
	tb.Helper()
	s, err := load()
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("Plaid's OpenAPI spec is required in CI: %v", err)
		}
		tb.Skipf("Plaid's OpenAPI spec not found (%v); set %s", err, EnvPath)
	}
	return s
}

// Schema returns a component schema by name.
func (s *Spec) Schema(tb testing.TB, name string) *openapi3.Schema {
	tb.Helper()
	ref := s.Doc.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		tb.Fatalf("no schema %s in the spec", name)
	}
	return ref.Value
}

func (s *Spec) operation(tb testing.TB, path string) *openapi3.Operation {
	tb.Helper()
	item := s.Doc.Paths.Value(path)
	if item == nil || item.Post == nil {
		tb.Fatalf("no POST %s in the spec", path)
	}
	return item.Post
}

// RequestSchema is the JSON body schema of POST path.
func (s *Spec) RequestSchema(tb testing.TB, path string) *openapi3.Schema {
	tb.Helper()
	return s.operation(tb, path).RequestBody.Value.Content.Get("application/json").Schema.Value
}

// ResponseSchema is the 200 body schema of POST path.
func (s *Spec) ResponseSchema(tb testing.TB, path string) *openapi3.Schema {
	tb.Helper()
	return s.operation(tb, path).Responses.Status(200).Value.Content.Get("application/json").Schema.Value
}

// ErrorSchema is the PlaidError schema.
func (s *Spec) ErrorSchema(tb testing.TB) *openapi3.Schema { return s.Schema(tb, "PlaidError") }

// ResponseExample is the spec's example 200 body of POST path.
func (s *Spec) ResponseExample(tb testing.TB, path string) []byte {
	tb.Helper()
	media := s.operation(tb, path).Responses.Status(200).Value.Content.Get("application/json")
	names := sortedExampleNames(media.Examples)
	if len(names) == 0 {
		tb.Fatalf("no example response for %s", path)
	}
	b, err := json.Marshal(media.Examples[names[0]].Value.Value)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// RequestExample is the spec's first example request body of POST path,
// without the credentials it carries (requests send them in headers), or
// nil when the spec gives none.
func (s *Spec) RequestExample(tb testing.TB, path string) []byte {
	tb.Helper()
	media := s.operation(tb, path).RequestBody.Value.Content.Get("application/json")
	names := sortedExampleNames(media.Examples)
	if len(names) == 0 {
		return nil
	}
	v, ok := media.Examples[names[0]].Value.Value.(map[string]any)
	if !ok {
		tb.Fatalf("%s: example %s is not an object", path, names[0])
	}
	body := map[string]any{}
	for k, x := range v {
		if k != "client_id" && k != "secret" {
			body[k] = x
		}
	}
	b, err := json.Marshal(body)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func sortedExampleNames(m openapi3.Examples) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Check validates a JSON body against a schema, with string formats (date,
// date-time, email) enforced, and returns every violation.
func Check(schema *openapi3.Schema, body []byte, asRequest bool) error {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return err
	}
	opts := []openapi3.SchemaValidationOption{openapi3.MultiErrors(), openapi3.EnableFormatValidation()}
	if asRequest {
		opts = append(opts, openapi3.VisitAsRequest())
	} else {
		opts = append(opts, openapi3.VisitAsResponse())
	}
	return schema.VisitJSON(v, opts...)
}

// RequireValidRequest fails the test unless body satisfies POST path's
// request schema.
func (s *Spec) RequireValidRequest(tb testing.TB, path string, body []byte) {
	tb.Helper()
	if err := Check(s.RequestSchema(tb, path), body, true); err != nil {
		tb.Fatalf("request body of %s does not match Plaid's spec: %v\nbody: %s", path, err, body)
	}
}

// RequireValidResponse fails the test unless body satisfies POST path's
// 200 response schema.
func (s *Spec) RequireValidResponse(tb testing.TB, path string, body []byte) {
	tb.Helper()
	if err := Check(s.ResponseSchema(tb, path), body, false); err != nil {
		tb.Fatalf("response of %s does not match Plaid's spec: %v\nbody: %s", path, err, body)
	}
}

// RequireValidError fails the test unless body is a PlaidError.
func (s *Spec) RequireValidError(tb testing.TB, body []byte) {
	tb.Helper()
	if err := Check(s.ErrorSchema(tb), body, false); err != nil {
		tb.Fatalf("error body does not match Plaid's PlaidError: %v\nbody: %s", err, body)
	}
}
