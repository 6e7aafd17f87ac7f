package catalog

import (
	"encoding/json"
	"reflect"
)

// Copy returns a copy of req (a request of this catalogue) holding only
// the answers keep accepts, and the fields it left out that had an answer,
// in catalogue order. A field found at an object's path decides for the
// whole object unless it is kept, when its own fields decide in turn.
func (c *Catalog) Copy(req any, keep func(*Field) bool) (any, []*Field) {
	raw, err := json.Marshal(req)
	if err != nil {
		return nil, nil // a request of the catalogue always marshals
	}
	var body map[string]any
	_ = json.Unmarshal(raw, &body)
	left := map[*Field]bool{}
	c.prune(body, "", keep, left)
	out := reflect.New(reflect.TypeOf(req).Elem()).Interface()
	raw, _ = json.Marshal(body)
	_ = json.Unmarshal(raw, out) // what was pruned from a valid body still fits its type
	var fields []*Field
	for _, f := range c.fields {
		if left[f] {
			fields = append(fields, f)
		}
	}
	return out, fields
}

func (c *Catalog) prune(obj map[string]any, base string, keep func(*Field) bool, left map[*Field]bool) {
	for k, v := range obj {
		path := k
		if base != "" {
			path = base + "." + k
		}
		f := c.Field(path)
		if f == nil {
			f = c.Field(path + "[]")
		}
		if f != nil && !keep(f) {
			delete(obj, k)
			left[f] = true
			continue
		}
		if m, isObject := v.(map[string]any); isObject {
			c.prune(m, path, keep, left)
		}
	}
}
