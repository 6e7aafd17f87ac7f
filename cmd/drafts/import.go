package drafts

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/bulk"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// ImportOptions are `drafts import`'s inputs.
type ImportOptions struct {
	Factory *app.Factory
	Globals *cmdutil.Globals
	Kind    store.Kind
	File    string
	Batch   string
	Format  string
	JSON    bool
}

// maxImport bounds an import file: 10,000 records with a logo each would
// be more, but a logo is not typed into a spreadsheet.
const maxImport = 64 << 20

// NewCmdImport is `drafts import customer|beacon --file F`.
func NewCmdImport(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *ImportOptions) error) *cobra.Command {
	o := &ImportOptions{Factory: f, Globals: g}
	cmd := &cobra.Command{
		Use:   "import customer|beacon --file FILE [--batch NAME]",
		Short: "Make a draft of each request body in a JSON, JSONL or CSV file",
		Long: `Read request bodies from a file and make one draft of each, tagged with a
batch name (by default the file's base name). Each draft is checked as the
wizard checks it; the command prints, per record, ready or its problems
with their paths and line numbers. Personal data is sealed as in any draft.

Formats (by extension, else by the first byte):
  JSON   one request body, as submit --file takes it
  JSONL  one request body per line
  CSV    a header row of request paths (address.city, user.name.given_name;
         list items by index: redirect_uris.0, products.1), a row per body;
         each cell read as its field's type, true/false for yes/no; an
         empty cell is left out

A malformed file is refused whole, with its line and column: nothing is
imported. Fix what is listed in the wizard (the home screen shows the
batch), then send the batch with ` + "`plaid-onboard submit --batch NAME`" + `.`,
		Example: `  plaid-onboard drafts import customer --file customers.csv
  plaid-onboard drafts import beacon --file people.jsonl --batch monday`,
		Args:      cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		ValidArgs: []string{"customer", "beacon"},
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, err := cmdutil.KindArg(args[0])
			if err != nil {
				return err
			}
			if o.File == "" {
				return exitcode.Invalid(errors.New("name the file with --file FILE (- reads stdin)"), "")
			}
			o.Kind = kind
			return cmdutil.OrRun(runF, runImport)(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&o.File, "file", "f", "", "the file to import (- reads stdin)")
	fl.StringVar(&o.Batch, "batch", "", "the batch name (default: the file's base name)")
	fl.StringVar(&o.Format, "format", "", "json, jsonl or csv (default: from the extension, else the content)")
	fl.BoolVar(&o.JSON, "json", false, "print each record's draft and problems as JSON")
	return cmd
}

func runImport(_ context.Context, o *ImportOptions) error {
	f := o.Factory
	data, err := readImport(f, o.File)
	if err != nil {
		return err
	}
	format := bulk.Format(strings.ToLower(o.Format))
	switch format {
	case "":
		format = bulk.FormatOf(o.File, data)
	case bulk.JSON, bulk.JSONL, bulk.CSV:
	default:
		return exitcode.Invalid(fmt.Errorf("--format %q: it is json, jsonl or csv", o.Format), "")
	}
	batch := o.Batch
	if batch == "" {
		batch = strings.TrimSuffix(filepath.Base(o.File), filepath.Ext(o.File))
		if o.File == "-" {
			batch = "stdin-" + f.Now().Format("20060102-150405")
		}
	}
	env, err := f.Environment(o.Globals.Env)
	if err != nil {
		return err
	}
	s, err := cmdutil.OpenDrafts(f)
	if err != nil {
		return err
	}
	out, err := bulk.Import(s, bulk.Input{Kind: o.Kind, Format: format, Data: data, Batch: batch,
		Env: catalog.Env{Environment: env, Now: f.Now()}, NoPII: o.Globals.NoSavePII})
	var se *bulk.SyntaxError
	switch {
	case errors.As(err, &se):
		return exitcode.Invalid(fmt.Errorf("the file %s, %w; nothing was imported", o.File, se), "")
	case err != nil:
		return exitcode.Local(err, "")
	}
	return printImported(f, o.JSON, batch, out)
}

func readImport(f *app.Factory, path string) ([]byte, error) {
	r := f.IO.In
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return nil, exitcode.Invalid(fmt.Errorf("reading the import file: %w", err), "")
		}
		defer file.Close() //nolint:errcheck // read only
		r = file
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	switch {
	case err != nil:
		return nil, exitcode.Invalid(fmt.Errorf("reading the import file: %w", err), "")
	case len(data) > maxImport:
		return nil, exitcode.Invalid(fmt.Errorf("the import file is larger than %d MB: split it", maxImport>>20), "")
	}
	return data, nil
}

type importedJSON struct {
	Line     int           `json:"line"`
	DraftID  string        `json:"draft_id"`
	Title    string        `json:"title"`
	Ready    bool          `json:"ready"`
	Problems []problemJSON `json:"problems"`
}

type problemJSON struct {
	Path    string `json:"path"`
	Where   string `json:"where,omitempty"`
	Message string `json:"message"`
}

func printImported(f *app.Factory, asJSON bool, batch string, out []bulk.Imported) error {
	ready := 0
	for _, r := range out {
		if r.Ready() {
			ready++
		}
	}
	if asJSON {
		rows := make([]importedJSON, len(out))
		for i, r := range out {
			rows[i] = importedJSON{Line: r.Line, DraftID: r.DraftID, Title: r.Title, Ready: r.Ready(), Problems: []problemJSON{}}
			for _, p := range r.Problems {
				rows[i].Problems = append(rows[i].Problems, problemJSON{p.Path, r.Where(p), p.Message})
			}
		}
		return cmdutil.WriteJSON(f.IO.Out, map[string]any{"batch": batch, "records": rows})
	}
	for _, r := range out {
		if r.Ready() {
			fmt.Fprintf(f.IO.Out, "line %-5d %s  ready          %s\n", r.Line, r.DraftID, r.Title)
			continue
		}
		fmt.Fprintf(f.IO.Out, "line %-5d %s  %-13s  %s\n", r.Line, r.DraftID, fmt.Sprintf("%d %s", len(r.Problems), words.Plural(len(r.Problems), "problem", "problems")), r.Title)
		for _, p := range r.Problems {
			fmt.Fprintf(f.IO.Out, "             %s · %s: %s\n", r.Where(p), p.Path, p.Message)
		}
	}
	fmt.Fprintf(f.IO.ErrOut, "Imported %d drafts into batch %q: %d ready, %d with problems.\n", len(out), batch, ready, len(out)-ready)
	if ready < len(out) {
		fmt.Fprintln(f.IO.ErrOut, "Fix them in the wizard (the home screen shows the batch; Enter opens a draft at its first problem),")
	}
	fmt.Fprintf(f.IO.ErrOut, "then send the ready ones: plaid-onboard submit --batch %s\n", shellWord(batch))
	return nil
}

// shellWord quotes a batch name for a command line when it needs it.
func shellWord(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}
