package drafts_test

import (
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
)

// drafts new --from prints the new draft's id and says what it left
// empty; a template saved from a draft gives the next new draft its
// partner-wide answers.
func TestNewLikeAndTemplatesFromTheCommandLine(t *testing.T) {
	e := cmdtest.New(t)
	_, partner := seed(t, e)
	if code := e.Run(t, "drafts", "new", "customer", "--from", partner.ID); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	id := strings.TrimSpace(e.Out.String())
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "left empty: Company, Application, Legal entity, Website")
	if code := e.Run(t, "drafts", "export", id); code != 0 || strings.Contains(e.Out.String(), "company_name") ||
		!strings.Contains(e.Out.String(), `"technical_contact"`) {
		t.Fatalf("exit %d: %s", code, e.Out)
	}

	if code := e.Run(t, "drafts", "template", "save", "--from", partner.ID); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "Template default keeps", "Products", "Redirect URIs")
	if code := e.Run(t, "drafts", "template", "list"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "default")
	if code := e.Run(t, "drafts", "new", "customer"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "Started from template default")
	if code := e.Run(t, "drafts", "template", "rm", "default"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	if code := e.Run(t, "drafts", "new", "beacon", "--from", partner.ID); code != 2 {
		t.Fatalf("a Beacon draft like a customer: exit %d", code)
	}
}

// Import from the command line: a malformed file is refused whole; a good
// one names each record's problems by line and column.
func TestImportFromTheCommandLine(t *testing.T) {
	e := cmdtest.New(t)
	e.In.WriteString("company_name,website\nPawnee,not a site\n")
	if code := e.Run(t, "drafts", "import", "customer", "--file", "-", "--format", "csv", "--batch", "b1"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "line 2, column 2 · website:")
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), `Imported 1 drafts into batch "b1": 0 ready, 1 with problems.`)
	if code := e.Run(t, "drafts", "list", "--batch", "b1"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "with problems")
	e.In.WriteString("company_name\n\"Pawnee\n")
	if code := e.Run(t, "drafts", "import", "customer", "--file", "-", "--format", "csv"); code != 2 {
		t.Fatalf("a malformed file: exit %d", code)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "line 2", "nothing was imported")
	if code := e.Run(t, "submit", "--batch", "b1"); code != 2 {
		t.Fatalf("a batch with only problems: exit %d: %s", code, e.ErrOut)
	}
}
