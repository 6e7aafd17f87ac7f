package bulk

import (
	"fmt"
	"regexp"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Imported is what became of one record: its draft, and the problems the
// wizard would show on it (none: ready to send).
type Imported struct {
	Line     int               `json:"line"`
	DraftID  string            `json:"draft_id"`
	Title    string            `json:"title"`
	Problems validate.Problems `json:"-"`
	columns  map[string]int
}

// Ready reports whether the draft can be sent as it is.
func (i Imported) Ready() bool { return len(i.Problems) == 0 }

// Where places a problem in the file: its line, and for CSV its column.
func (i Imported) Where(p validate.Problem) string {
	if col, found := i.columns[csvPath(p.Path)]; found {
		return fmt.Sprintf("line %d, column %d", i.Line, col)
	}
	return fmt.Sprintf("line %d", i.Line)
}

var index = regexp.MustCompile(`\[(\d+)\]`)

// csvPath writes a problem's path as a CSV header names it:
// redirect_uris[0] → redirect_uris.0.
func csvPath(path string) string { return index.ReplaceAllString(path, ".$1") }

// Input is a file to import.
type Input struct {
	Kind   drafts.Kind
	Format Format
	Data   []byte
	// Batch tags every draft made.
	Batch string
	// Env is the environment the drafts are checked for.
	Env catalog.Env
	// NoPII keeps personal data out of the drafts on disk (--no-save-pii).
	NoPII bool
}

// Import makes one draft per record of in, each checked as the wizard
// checks it and saved (personal data sealed, as in any draft). The file
// is read whole first: a malformed one is a *SyntaxError and makes no
// draft; if a draft cannot be saved, those already saved are removed.
func Import(store *drafts.Store, in Input) ([]Imported, error) {
	records, err := Parse(in.Format, in.Data, emptyBody(in.Kind))
	if err != nil {
		return nil, err
	}
	out := make([]Imported, len(records))
	all := make([]*drafts.Draft, len(records))
	for i, rec := range records {
		d := store.NewBlank(in.Kind)
		shape, _ := client.ParseRequest(rec.Body, d.Request())
		d.Batch, d.BatchIndex = in.Batch, i+1
		d.RefreshTitle()
		all[i] = d
		out[i] = Imported{Line: rec.Line, DraftID: d.ID, Title: d.DisplayTitle(), Problems: shape.With(d.Check(in.Env)), columns: rec.Columns}
	}
	for i, d := range all {
		if err := store.Save(d, drafts.SaveOptions{NoPII: in.NoPII}); err != nil {
			for _, saved := range all[:i] {
				_ = store.Delete(saved.ID) // undoing: the save's error is the one to report
			}
			return nil, fmt.Errorf("saving the draft of line %d: %w (nothing was imported)", records[i].Line, err)
		}
	}
	return out, nil
}

func emptyBody(kind drafts.Kind) any {
	if kind == drafts.BeaconUser {
		return &client.BeaconUserCreateRequest{}
	}
	return &client.PartnerCustomerCreateRequest{}
}
