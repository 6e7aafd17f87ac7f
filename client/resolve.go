package client

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Resolve finds the value at a field path of a request or response (v is a
// pointer to one): "user.address.city", "redirect_uris[2]",
// "user.depository_accounts[0].account_number", or a map key,
// "questionnaires.cra.purposes.EMPLOYMENT". Path segments are JSON names,
// so the paths are those problems, errors and the field catalogue use.
// found is false when a segment names no field, an index is past the end,
// or a map has no such key. A value reached through a pointer to a struct
// is addressable, so a caller can bind a form field to it.
func Resolve(v any, path string) (value reflect.Value, found bool) {
	cur := reflect.ValueOf(v)
	if path == "" {
		return cur, true
	}
	for _, seg := range strings.Split(path, ".") {
		name, indices := splitIndices(seg)
		if name != "" {
			if cur = step(cur, name); !cur.IsValid() {
				return reflect.Value{}, false
			}
		}
		for _, i := range indices {
			cur = deref(cur)
			if cur.Kind() != reflect.Slice || i < 0 || i >= cur.Len() {
				return reflect.Value{}, false
			}
			cur = cur.Index(i)
		}
	}
	return cur, true
}

// Expand turns a path pattern whose lists are written "[]" into the paths
// of the items v holds: "user.depository_accounts[].account_number" with
// two accounts gives "user.depository_accounts[0].account_number" and
// "user.depository_accounts[1].account_number". A pattern without "[]"
// expands to itself.
func Expand(v any, pattern string) []string { return ExpandFirst(v, pattern, -1) }

// ExpandFirst is Expand over the first n items of each list (all of them
// when n < 0): what a check looks at of a list far longer than any limit.
func ExpandFirst(v any, pattern string, n int) []string {
	before, after, list := strings.Cut(pattern, "[]")
	if !list {
		return []string{pattern}
	}
	items, found := Resolve(v, before)
	if items = deref(items); !found || items.Kind() != reflect.Slice {
		return nil
	}
	count := items.Len()
	if n >= 0 {
		count = min(count, n)
	}
	var out []string
	for i := range count {
		out = append(out, ExpandFirst(v, before+"["+strconv.Itoa(i)+"]"+after, n)...)
	}
	return out
}

// Pattern is a path with its list indices written "[]": the form the field
// catalogue declares ("access_tokens[3]" → "access_tokens[]").
func Pattern(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '[':
			if depth == 0 {
				b.WriteString("[]")
			}
			depth++
		case r == ']':
			depth = max(0, depth-1)
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func deref(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// step goes from a struct or map to the field or entry name.
func step(v reflect.Value, name string) reflect.Value {
	v = deref(v)
	switch {
	case !v.IsValid():
		return reflect.Value{}
	case v.Kind() == reflect.Struct:
		for _, f := range schemaOf(v.Type()).fields {
			if f.name == name {
				return v.FieldByIndex(f.index)
			}
		}
	case v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String:
		if e := v.MapIndex(reflect.ValueOf(name).Convert(v.Type().Key())); e.IsValid() {
			return e
		}
	}
	return reflect.Value{}
}

// splitIndices splits "accounts[2][0]" into "accounts" and 2, 0.
func splitIndices(seg string) (string, []int) {
	name, rest, found := strings.Cut(seg, "[")
	if !found {
		return seg, nil
	}
	var out []int
	for _, part := range strings.Split(rest, "[") {
		n, err := strconv.Atoi(strings.TrimSuffix(part, "]"))
		if err != nil {
			n = -1
		}
		out = append(out, n)
	}
	return name, out
}

// Required reports whether Plaid's schema requires the field at a path
// pattern of request type t, inside its parent object (plaid:"required").
// found is false when t has no such field.
func Required(t reflect.Type, pattern string) (required, found bool) {
	n := schemaOf(t)
	var last schemaField
	for _, seg := range strings.Split(strings.ReplaceAll(pattern, "[]", ""), ".") {
		for n.kind == kindArray {
			n = n.elem
		}
		switch n.kind {
		case kindObject:
			found = false
			for _, f := range n.fields {
				if f.name == seg {
					last, n, found = f, f.node, true
					break
				}
			}
			if !found {
				return false, false
			}
		case kindMap:
			if n.keys != nil && !slices.Contains(n.keys, seg) {
				return false, false
			}
			last, n = schemaField{name: seg}, n.elem
		default:
			return false, false
		}
	}
	return last.required, true
}
