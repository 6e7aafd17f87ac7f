package drafts

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/atomicfile"
)

// DefaultTemplate is the template a new customer draft starts from.
const DefaultTemplate = "default"

// Template is a partner's answers common to all its customers: contacts,
// products, redirect URIs, link customization, the CRA questionnaire (the
// catalogue's PartnerWide fields), kept under a name.
type Template struct {
	Name    string                               `json:"name"`
	SavedAt time.Time                            `json:"saved_at"`
	From    string                               `json:"from_draft,omitempty"`
	Partner *client.PartnerCustomerCreateRequest `json:"partner"`
	// UI keeps a contact's "use the partner's default" choice.
	UI map[string]string `json:"ui,omitempty"`
}

// Paths lists the answers the template holds, by field path.
func (tp *Template) Paths() []string {
	var out []string
	for _, f := range catalog.PartnerCreate().Fields() {
		if f.PartnerWide && len(client.Expand(tp.Partner, f.Path)) > 0 && !emptyAt(tp.Partner, f.Path) {
			out = append(out, f.Path)
		}
	}
	return out
}

func emptyAt(req any, pattern string) bool {
	for _, p := range client.Expand(req, pattern) {
		if v, found := client.Resolve(req, p); found && !v.IsZero() {
			return false
		}
	}
	return true
}

// Templates are the templates kept in a directory (the config directory's
// templates/), one JSON file each, 0600 in a 0700 directory: contacts are
// personal data.
type Templates struct{ dir string }

// OpenTemplates keeps templates in dir.
func OpenTemplates(dir string) *Templates { return &Templates{dir: dir} }

// validTemplateName takes letters, digits, . _ and -, up to 64, starting
// with a letter or digit: a file name in the templates directory, never
// a path out of it.
func validTemplateName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for i, r := range name {
		alnum := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("._-", r)) {
			return false
		}
	}
	return true
}

func (t *Templates) path(name string) (string, error) {
	if !validTemplateName(name) {
		return "", fmt.Errorf("%q is not a template name: letters, digits, . _ and -, up to 64", name)
	}
	return filepath.Join(t.dir, name+".json"), nil
}

// Save keeps d's partner-wide answers as template name, replacing one of
// that name.
func (t *Templates) Save(name string, d *Draft, now time.Time) (*Template, error) {
	if d.Partner == nil {
		return nil, errors.New("only a partner customer draft makes a template")
	}
	path, err := t.path(name)
	if err != nil {
		return nil, err
	}
	kept, _ := catalog.PartnerCreate().Copy(d.Partner, func(f *catalog.Field) bool { return f.PartnerWide })
	tp := &Template{Name: name, SavedAt: now.UTC(), From: d.ID, Partner: kept.(*client.PartnerCustomerCreateRequest), UI: map[string]string{}}
	// A contact's "use the partner's default" choice is kept with it: a UI
	// key naming an object of partner-wide fields.
	for k, v := range d.UI {
		if slices.ContainsFunc(catalog.PartnerCreate().Fields(), func(f *catalog.Field) bool {
			return f.PartnerWide && strings.HasPrefix(f.Path, k+".")
		}) {
			tp.UI[k] = v
		}
	}
	if len(tp.Paths()) == 0 {
		return nil, fmt.Errorf("draft %s has no answer a template keeps (contacts, products, redirect URIs, link customization, the CRA questionnaire)", d.ID)
	}
	b, err := json.MarshalIndent(tp, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(t.dir, 0o700); err != nil {
		return nil, fmt.Errorf("the templates directory: %w", err)
	}
	if err := atomicfile.Write(path, b, 0o600); err != nil {
		return nil, fmt.Errorf("saving template %s: %w", name, err)
	}
	return tp, nil
}

// maxTemplate bounds a template file: it holds no logo.
const maxTemplate = 1 << 20

// Load reads template name; a missing one is fs.ErrNotExist.
func (t *Templates) Load(name string) (*Template, error) {
	path, err := t.path(name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read only
	var tp Template
	dec := json.NewDecoder(io.LimitReader(f, maxTemplate))
	if err := dec.Decode(&tp); err != nil {
		return nil, fmt.Errorf("template %s (%s) is damaged: %w", name, path, err)
	}
	if tp.Partner == nil {
		return nil, fmt.Errorf("template %s (%s) is damaged: it holds no answers", name, path)
	}
	// Only partner-wide answers are taken, whatever the file holds.
	kept, _ := catalog.PartnerCreate().Copy(tp.Partner, func(f *catalog.Field) bool { return f.PartnerWide })
	tp.Partner, tp.Name = kept.(*client.PartnerCustomerCreateRequest), name
	return &tp, nil
}

// List lists the templates by name.
func (t *Templates) List() ([]string, error) {
	entries, err := os.ReadDir(t.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok && validTemplateName(name) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out, nil
}

// Remove deletes template name.
func (t *Templates) Remove(name string) error {
	path, err := t.path(name)
	if err != nil {
		return err
	}
	return os.Remove(path)
}

// Apply fills a new customer draft with the template's answers and
// records which, so the wizard can say where they came from.
func (tp *Template) Apply(d *Draft) {
	if d.Partner == nil {
		return
	}
	b, _ := json.Marshal(tp.Partner)
	_ = json.Unmarshal(b, d.Partner) // the template's answers over an empty request
	for k, v := range tp.UI {
		d.UI[k] = v
	}
	d.FromTemplate = tp.Paths()
}
