// Package bulk is drafts as the unit of bulk work: request bodies read
// from a file into one draft each (JSON, JSONL, CSV), a batch's state at
// a glance, and a batch sent in order with every guard a single send has.
package bulk

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Format is how an import file is written.
type Format string

// The formats read.
const (
	JSON  Format = "json"  // one request body
	JSONL Format = "jsonl" // one request body per line
	CSV   Format = "csv"   // a header row of request paths, a row per body
)

// FormatOf picks the format from a file's name, else from its first byte.
func FormatOf(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV
	case ".jsonl", ".ndjson":
		return JSONL
	case ".json":
		return JSON
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(trimmed) > 0 && trimmed[0] != '{':
		return CSV
	case bytes.Count(bytes.TrimSpace(data), []byte("\n")) > 0 && bytes.HasPrefix(trimmed, []byte("{")) && lineObjects(data):
		return JSONL
	}
	return JSON
}

// lineObjects reports whether every non-blank line holds a whole JSON value.
func lineObjects(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		if line = bytes.TrimSpace(line); len(line) > 0 && !json.Valid(line) {
			return false
		}
	}
	return true
}

// Record is one request body read from the file, and where it starts.
type Record struct {
	Line int
	Body []byte
	// Columns, for CSV, gives each request path's column, so a problem
	// can be placed in the file.
	Columns map[string]int
}

// SyntaxError is a file that cannot be read as its format: nothing of it
// is imported.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// MaxRecords bounds one import: a batch is sent by hand, in one sitting.
const MaxRecords = 10_000

// Parse reads every record of data, written in format, as bodies of req's
// type (a *client.PartnerCustomerCreateRequest or *client.BeaconUserCreateRequest,
// for the CSV columns' types). The whole file is read before anything is
// returned: a malformed file is a *SyntaxError and no records.
func Parse(format Format, data []byte, req any) ([]Record, error) {
	if err := client.BOMError(data); err != nil {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "the file " + err.Error()}
	}
	if !utf8.Valid(data) {
		line, col := position(data, invalidUTF8At(data))
		return nil, &SyntaxError{Line: line, Column: col, Msg: "is not valid UTF-8"}
	}
	var (
		out []Record
		err error
	)
	switch format {
	case CSV:
		out, err = parseCSV(data, req)
	case JSONL:
		out, err = parseJSONL(data)
	default:
		out, err = parseJSON(data)
	}
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "holds no record"}
	}
	if len(out) > MaxRecords {
		return nil, &SyntaxError{Line: out[MaxRecords].Line, Column: 1, Msg: fmt.Sprintf("more than %d records: split the file", MaxRecords)}
	}
	return out, nil
}

func parseJSON(data []byte) ([]Record, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(data, 0, err, dec.InputOffset())
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		line, col := position(data, int(dec.InputOffset()))
		return nil, &SyntaxError{Line: line, Column: col, Msg: "data after the request body: a file of several is JSONL, one body per line"}
	}
	if first := bytes.TrimLeft(v, " \t\r\n"); len(first) == 0 || first[0] != '{' {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "the body must be a JSON object"}
	}
	line, _ := position(data, bytes.IndexByte(data, '{'))
	return []Record{{Line: line, Body: v}}, nil
}

func parseJSONL(data []byte) ([]Record, error) {
	var out []Record
	for i, line := range bytes.Split(data, []byte("\n")) {
		text := bytes.TrimSpace(line)
		if len(text) == 0 {
			continue
		}
		var v json.RawMessage
		dec := json.NewDecoder(bytes.NewReader(text))
		if err := dec.Decode(&v); err != nil {
			return nil, jsonError(text, i, err, dec.InputOffset())
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, &SyntaxError{Line: i + 1, Column: int(dec.InputOffset()) + 1, Msg: "more than one value on the line"}
		}
		if text[0] != '{' {
			return nil, &SyntaxError{Line: i + 1, Column: 1, Msg: "each line must be a JSON object"}
		}
		out = append(out, Record{Line: i + 1, Body: v})
	}
	return out, nil
}

// jsonError places a decoding error in the file; lineBase is added to
// the line (JSONL decodes a line at a time).
func jsonError(data []byte, lineBase int, err error, at int64) error {
	offset := int(at)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		offset = int(se.Offset) - 1
	case errors.As(err, &te):
		offset = int(te.Offset) - 1
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		offset = len(data)
	}
	line, col := position(data, max(offset, 0))
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "the JSON ends before its value does"
	}
	return &SyntaxError{Line: lineBase + line, Column: col, Msg: "not valid JSON: " + msg}
}

func parseCSV(data []byte, req any) ([]Record, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0 // every row as wide as the header
	header, err := r.Read()
	if err != nil {
		return nil, csvError(err)
	}
	columns := map[string]int{}
	kinds := make([]string, len(header))
	for i, h := range header {
		path := strings.TrimSpace(h)
		kind, found := client.JSONKind(req, path)
		switch {
		case path == "":
			return nil, &SyntaxError{Line: 1, Column: i + 1, Msg: "a column has no request path"}
		case !found:
			return nil, &SyntaxError{Line: 1, Column: i + 1, Msg: fmt.Sprintf("%q is not a path of this request (paths are written address.city, redirect_uris.0)", path)}
		case kind == "object" || kind == "array":
			return nil, &SyntaxError{Line: 1, Column: i + 1, Msg: fmt.Sprintf("%q holds more than one value: name each, like %s.0 or %s.field", path, path, path)}
		}
		if _, twice := columns[path]; twice {
			return nil, &SyntaxError{Line: 1, Column: i + 1, Msg: fmt.Sprintf("%q is named by two columns", path)}
		}
		columns[path], kinds[i] = i+1, kind
	}
	var out []Record
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := r.FieldPos(0)
		body := map[string]any{}
		for i, cell := range row {
			if cell == "" {
				continue
			}
			if err := put(body, strings.Split(strings.TrimSpace(header[i]), "."), cellValue(cell, kinds[i])); err != nil {
				return nil, &SyntaxError{Line: line, Column: i + 1, Msg: err.Error()}
			}
		}
		b, err := json.Marshal(listsOf(body))
		if err != nil {
			return nil, &SyntaxError{Line: line, Column: 1, Msg: err.Error()}
		}
		out = append(out, Record{Line: line, Body: b, Columns: columns})
	}
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &SyntaxError{Line: pe.Line, Column: pe.Column, Msg: pe.Err.Error()}
	}
	return &SyntaxError{Line: 1, Column: 1, Msg: err.Error()}
}

// cellValue reads a cell as its field's type; one that does not read is
// kept as text, and the request's check names the field.
func cellValue(cell, kind string) any {
	switch kind {
	case "boolean":
		switch strings.ToLower(strings.TrimSpace(cell)) {
		case "true":
			return true
		case "false":
			return false
		}
	case "number", "integer":
		if _, err := strconv.ParseFloat(strings.TrimSpace(cell), 64); err == nil {
			return json.Number(strings.TrimSpace(cell))
		}
	}
	return cell
}

// put sets a value at a path in nested maps; list indices stay keys until
// listsOf turns them into lists.
func put(m map[string]any, path []string, v any) error {
	for _, seg := range path[:len(path)-1] {
		next, ok := m[seg].(map[string]any)
		if !ok {
			if _, taken := m[seg]; taken {
				return fmt.Errorf("%s is both a value and an object", seg)
			}
			next = map[string]any{}
			m[seg] = next
		}
		m = next
	}
	m[path[len(path)-1]] = v
	return nil
}

// listsOf turns maps whose keys are all indices into lists, in index
// order, leaving out indices with nothing (a gap is closed up).
func listsOf(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	indices := make([]int, 0, len(m))
	for k, item := range m {
		m[k] = listsOf(item)
		if n, err := strconv.Atoi(k); err == nil && n >= 0 && len(m) > 0 {
			indices = append(indices, n)
		}
	}
	if len(indices) == 0 || len(indices) != len(m) {
		return m
	}
	slices.Sort(indices)
	out := make([]any, 0, len(indices))
	for _, n := range indices {
		out = append(out, m[strconv.Itoa(n)])
	}
	return out
}

// position is the 1-based line and column of a byte offset.
func position(data []byte, offset int) (line, col int) {
	offset = min(offset, len(data))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
