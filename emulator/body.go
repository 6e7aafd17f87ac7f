package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"unicode/utf8"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Limits on what the emulator reads. A logo is at most 4 MB, so 5.4 MB of
// base64, plus the rest of the request.
const (
	DefaultMaxBodyBytes = 8 << 20
	maxDepth            = 32
)

// readBody applies the checks Plaid makes before looking at fields: the
// content type, the size, the encoding, and that the body is one JSON
// object of sane depth. It returns the body decoded with UseNumber and the
// raw bytes for typed decoding.
func readBody(r *http.Request, limit int64) (map[string]any, []byte, *apiError) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return nil, nil, invalidHeaders("the Content-Type header is missing: send application/json")
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return nil, nil, invalidBody("the body must be application/json, not %q", ct)
	}
	if cs, set := params["charset"]; set && !equalFold(cs, "utf-8") {
		return nil, nil, invalidBody("the body must be UTF-8, not %s", cs)
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return nil, nil, invalidBody("the body could not be read: %v", err)
	}
	if int64(len(raw)) > limit {
		return nil, nil, invalidBody("the body is larger than %d MB", limit>>20)
	}
	if err := client.BOMError(raw); err != nil {
		return nil, nil, invalidBody("the body %v", err)
	}
	if !utf8.Valid(raw) {
		return nil, nil, invalidBody("the body is not valid UTF-8")
	}
	if depth := jsonDepth(raw); depth > maxDepth {
		return nil, nil, invalidBody("the body nests deeper than %d levels", maxDepth)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var body any
	if err := dec.Decode(&body); err != nil {
		return nil, nil, notJSON(raw, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, nil, invalidBody("the body has data after the JSON object")
	}
	obj, isObject := body.(map[string]any)
	if !isObject {
		return nil, nil, invalidBody("the body is valid JSON but %s, not an object: send {…}", jsonKind(body))
	}
	return obj, raw, nil
}

// notJSON says where a body stops being JSON: the byte offset, and the
// line and column a person finds it at.
func notJSON(raw []byte, err error) *apiError {
	if len(bytes.TrimSpace(raw)) == 0 {
		return invalidBody("the body is empty: send a JSON object")
	}
	offset := int64(len(raw))
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		offset = syntax.Offset
	}
	// The offending byte is the last one read: at offset, counting from 1.
	before := raw[:max(0, offset-1)]
	line := 1 + bytes.Count(before, []byte("\n"))
	col := int64(len(before) - bytes.LastIndexByte(before, '\n'))
	what := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		what = "it ends before the JSON does"
	}
	return invalidBody("the body is not valid JSON: %s, at byte %d (line %d, column %d)", what, offset, line, col)
}

// jsonKind names what a JSON value is, for a body that is not an object.
func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case nil:
		return "null"
	case bool:
		return "true or false"
	}
	return "a number"
}

// jsonDepth is the deepest nesting of objects and arrays, found with one
// pass over the bytes (strings skipped), before the decoder is trusted with
// the body: a deep body would otherwise cost stack and time to refuse.
func jsonDepth(b []byte) int {
	depth, deepest := 0, 0
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			deepest = max(deepest, depth)
		case '}', ']':
			depth--
		}
	}
	return deepest
}

func equalFold(a, b string) bool { return bytes.EqualFold([]byte(a), []byte(b)) }
