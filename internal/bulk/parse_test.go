package bulk

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
)

func customer() any { return &client.PartnerCustomerCreateRequest{} }

// CSV cells become the request's shapes: nested objects from dotted
// paths, lists from indices, booleans and text by the field's type.
func TestCSVCellsTakeTheirFieldsTypes(t *testing.T) {
	data := "company_name,address.city,redirect_uris.0,redirect_uris.1,products.0,is_diligence_attested,questionnaires.cra.purposes.WRITTEN_INSTRUCTION.use_cases.0\n" +
		"Pawnee,\"Pawnee, IN\",https://a.example/cb,,auth,true,TENANT_SCREENING\n" +
		"Eagleton,Eagleton,https://b.example/cb,https://c.example/cb,identity,False,\n"
	recs, err := Parse(CSV, []byte(data), customer())
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Line != 2 || recs[1].Line != 3 {
		t.Fatalf("records %+v", recs)
	}
	var first, second map[string]any
	json.Unmarshal(recs[0].Body, &first)
	json.Unmarshal(recs[1].Body, &second)
	if first["address"].(map[string]any)["city"] != "Pawnee, IN" || first["is_diligence_attested"] != true ||
		len(first["redirect_uris"].([]any)) != 1 || first["products"].([]any)[0] != "auth" {
		t.Errorf("first: %s", recs[0].Body)
	}
	if second["is_diligence_attested"] != false || len(second["redirect_uris"].([]any)) != 2 || second["questionnaires"] != nil {
		t.Errorf("second: %s", recs[1].Body)
	}
	if recs[0].Columns["address.city"] != 2 {
		t.Errorf("columns %v", recs[0].Columns)
	}
}

// A malformed file is refused whole, with its line and column.
func TestMalformedFilesAreRefusedWhole(t *testing.T) {
	for _, c := range []struct {
		name      string
		format    Format
		data      string
		line, col int
		says      string
	}{
		{"unknown column", CSV, "company_name,addres.city\nA,B\n", 1, 2, "not a path"},
		{"object column", CSV, "address\nx\n", 1, 1, "more than one value"},
		{"bad quote", CSV, "company_name\n\"Pawnee\n", 2, 0, ""},
		{"ragged row", CSV, "company_name,website\nA\n", 2, 1, "wrong number of fields"},
		{"twice", CSV, "website,website\na,b\n", 1, 2, "two columns"},
		{"jsonl bad line", JSONL, "{\"company_name\":\"A\"}\n{\"company_name\": }\n", 2, 18, "not valid JSON"},
		{"jsonl not object", JSONL, "{}\n[1]\n", 2, 1, "JSON object"},
		{"json truncated", JSON, "{\"company_name\":\n  \"A\"", 2, 6, "ends"},
		{"json two", JSON, "{}\n{}", 2, 0, "JSONL"},
		{"empty", CSV, "company_name\n", 1, 1, "no record"},
		{"not utf-8", JSONL, "{}\n{\"a\":\"\xff\"}", 2, 7, "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			recs, err := Parse(c.format, []byte(c.data), customer())
			var se *SyntaxError
			if !errors.As(err, &se) || recs != nil {
				t.Fatalf("records %v, err %v", recs, err)
			}
			if se.Line != c.line || (c.col != 0 && se.Column != c.col) || !strings.Contains(se.Msg, c.says) {
				t.Errorf("got %v; want line %d column %d saying %q", se, c.line, c.col, c.says)
			}
		})
	}
}

func TestFormatOf(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       Format
	}{
		{"a.csv", "{}", CSV}, {"a.jsonl", "{}", JSONL}, {"a.json", "{}\n{}", JSON},
		{"-", "company_name\nA\n", CSV}, {"-", "{}\n{}\n", JSONL}, {"-", "{\n\"a\": 1\n}\n", JSON},
	} {
		if got := FormatOf(c.name, []byte(c.data)); got != c.want {
			t.Errorf("%s %q: %s, want %s", c.name, c.data, got, c.want)
		}
	}
}

// Whatever a file holds, Parse answers records or a SyntaxError; it never
// panics.
func FuzzParse(f *testing.F) {
	f.Add("company_name,address.city\nA,B\n")
	f.Add("{\"company_name\":\"A\"}\n{}\n")
	f.Add("redirect_uris.0,redirect_uris.x\n1,2\n")
	f.Add("questionnaires.cra.purposes.X.use_cases.0\nY\n")
	f.Fuzz(func(t *testing.T, data string) {
		for _, format := range []Format{CSV, JSONL, JSON} {
			recs, err := Parse(format, []byte(data), customer())
			var se *SyntaxError
			if err != nil && !errors.As(err, &se) {
				t.Fatalf("%s: %v is no SyntaxError", format, err)
			}
			for _, r := range recs {
				if !json.Valid(r.Body) {
					t.Fatalf("%s: record body %q is not JSON", format, r.Body)
				}
			}
		}
	})
}
