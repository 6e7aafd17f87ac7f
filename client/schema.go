package client

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The schema of a request or response is read off its Go type: JSON names
// from the json tags, required fields from plaid:"required". Both the
// client's own checks (MissingFields) and the emulator's answer to a raw body
// (CheckBody) walk it, so they agree on what is required and what exists.

type kind uint8

const (
	kindString kind = iota
	kindBool
	kindNumber
	kindInteger
	kindObject
	kindArray
	kindMap
	kindTime // a date-time string
	kindAny  // untyped (PlaidError.causes items)
)

var kindNames = [...]string{"a string", "true or false", "a number", "an integer", "an object", "an array", "an object", "a date-time string", "any value"}

// Open, embedded in a wire type, marks its schema open, as the spec's
// additionalProperties: true does: a body may carry keys the type does not
// name, and they are accepted (Plaid may add fields; a caller may send
// one this program does not know yet). A type without it is closed, like
// every request's top level: an unknown key there is UNKNOWN_FIELDS.
type Open struct{}

type schemaNode struct {
	open   bool // kindObject: keys the type does not name are accepted
	kind   kind
	fields []schemaField // kindObject, in declaration order
	elem   *schemaNode   // kindArray, kindMap values
	keys   []string      // kindMap: the keys the schema names (others are accepted)
	enum   []string      // kindString: the values the spec lists, if it lists them
}

type schemaField struct {
	name     string
	required bool
	index    []int
	node     *schemaNode
}

// mapKeys lists the keys the spec names for a map-typed object, by key
// type: PartnerEndCustomerCRAPurposes names its eight purposes as
// properties. They are the paths a map holds (AllPaths); the spec leaves
// the object open, so other keys are accepted too.
var mapKeys = map[reflect.Type][]string{
	reflect.TypeFor[CRAPurpose](): Strings(CRAPurposes),
}

// enumValues lists, by Go type, the values the spec's enums name: an answer
// holding another is drift (Plaid adds values without a version), which
// `doctor --conformance` reports. Requests are checked by the catalogue.
var enumValues = map[reflect.Type][]string{
	reflect.TypeFor[Product]():                  Strings(AllProducts()),
	reflect.TypeFor[RequirementDue]():           Strings(RequirementsDue),
	reflect.TypeFor[PartnerEndCustomerStatus](): Strings(PartnerEndCustomerStatuses),
	reflect.TypeFor[BeaconUserStatus]():         Strings(BeaconUserStatuses),
	reflect.TypeFor[BeaconAuditTrailSource]():   Strings(BeaconAuditTrailSources),
	reflect.TypeFor[BeaconReportType]():         Strings(BeaconReportTypes),
	reflect.TypeFor[BeaconMatchCode]():          Strings(BeaconMatchCodes),
	reflect.TypeFor[OAuthStatus]():              Strings(OAuthStatuses),
	reflect.TypeFor[CRAUseCase]():               Strings(CRAUseCaseValues),
}

var schemaCache sync.Map // reflect.Type → *schemaNode

func schemaOf(t reflect.Type) *schemaNode {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n, found := schemaCache.Load(t); found {
		return n.(*schemaNode)
	}
	n := buildSchema(t)
	schemaCache.Store(t, n)
	return n
}

func buildSchema(t reflect.Type) *schemaNode {
	if t == reflect.TypeFor[timeType]() {
		return &schemaNode{kind: kindTime}
	}
	switch t.Kind() {
	case reflect.String:
		return &schemaNode{kind: kindString, enum: enumValues[t]}
	case reflect.Bool:
		return &schemaNode{kind: kindBool}
	case reflect.Float32, reflect.Float64:
		return &schemaNode{kind: kindNumber}
	case reflect.Int, reflect.Int32, reflect.Int64:
		return &schemaNode{kind: kindInteger}
	case reflect.Slice:
		return &schemaNode{kind: kindArray, elem: schemaOf(t.Elem())}
	case reflect.Map:
		return &schemaNode{kind: kindMap, elem: schemaOf(t.Elem()), keys: mapKeys[t.Key()]}
	case reflect.Interface:
		return &schemaNode{kind: kindAny}
	case reflect.Struct:
		n := &schemaNode{kind: kindObject}
		collectFields(t, nil, n)
		return n
	}
	panic(fmt.Sprintf("client: no schema for %v", t))
}

// collectFields flattens embedded structs, as encoding/json does.
func collectFields(t reflect.Type, index []int, n *schemaNode) {
	for i := range t.NumField() {
		f := t.Field(i)
		idx := append(slices.Clone(index), i)
		if f.Anonymous && f.Type == reflect.TypeFor[Open]() {
			n.open = true
			continue
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			collectFields(f.Type, idx, n)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		n.fields = append(n.fields, schemaField{
			name:     name,
			required: f.Tag.Get("plaid") == "required",
			index:    idx,
			node:     schemaOf(f.Type),
		})
	}
}

// MissingFields lists, by JSON path, the required fields of v (a request
// value) that are empty. Inside an object that is itself absent nothing is
// missing: its own requiredness is reported at its path instead.
func MissingFields(v any) []string {
	var out []string
	missingIn(reflect.ValueOf(v), schemaOf(reflect.TypeOf(v)), "", &out)
	return out
}

func missingIn(v reflect.Value, n *schemaNode, path string, out *[]string) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch n.kind {
	case kindObject:
		for _, f := range n.fields {
			fv := v.FieldByIndex(f.index)
			p := joinPath(path, f.name)
			// A zero number or false is a value (a fraud amount of 0 means
			// nothing was lost); only empty text, objects and lists are
			// missing. Optional numbers and booleans are pointers anyway.
			if fv.IsZero() && !isScalar(f.node.kind) {
				if f.required {
					*out = append(*out, p)
				}
				continue
			}
			missingIn(fv, f.node, p, out)
		}
	case kindArray:
		for i := range v.Len() {
			missingIn(v.Index(i), n.elem, fmt.Sprintf("%s[%d]", path, i), out)
		}
	case kindMap:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			missingIn(v.MapIndex(k), n.elem, joinPath(path, k.String()), out)
		}
	}
}

func isScalar(k kind) bool { return k == kindNumber || k == kindInteger || k == kindBool }

func joinPath(base, name string) string {
	if base == "" {
		return name
	}
	return base + "." + name
}

// TypeMismatch is a field whose JSON value has the wrong type.
type TypeMismatch struct {
	Path string
	Want string // "a string", "an array", …
}

// BodyFindings is what CheckBody finds wrong with a decoded JSON body.
type BodyFindings struct {
	Unknown   []string // fields the schema does not define, at any depth
	Missing   []string // required fields absent, null or empty
	WrongType []TypeMismatch
	// Unnamed are keys an open object accepts that its type does not
	// name: not wrong, but what the spec does not say (drift, to doctor).
	Unnamed []string
	// Unlisted are values of an enum the spec does not list. They do not
	// make a body wrong (Plaid adds values without a version); doctor
	// --conformance reports them as drift.
	Unlisted []EnumValue
}

// EnumValue is a value found at a path.
type EnumValue struct {
	Path  string
	Value string
}

// OK reports whether the body has the right shape.
func (f BodyFindings) OK() bool {
	return len(f.Unknown) == 0 && len(f.Missing) == 0 && len(f.WrongType) == 0
}

// CheckBody compares a JSON body, decoded with UseNumber into maps and
// slices, against the schema of target's type (a request type). Credentials
// in the body (client_id, secret) are allowed at the top level, as the spec
// allows them there.
func CheckBody(body any, target any) BodyFindings {
	var f BodyFindings
	root := schemaOf(reflect.TypeOf(target))
	obj, isObject := body.(map[string]any)
	if !isObject {
		f.WrongType = append(f.WrongType, TypeMismatch{Path: "(body)", Want: "an object"})
		return f
	}
	checkValue(obj, root, "", &f)
	for _, k := range credentialKeys {
		if v, found := obj[k]; found && v != nil {
			if _, isString := v.(string); !isString {
				f.WrongType = append(f.WrongType, TypeMismatch{Path: k, Want: "a string"})
			}
		}
	}
	return f
}

// credentialKeys may appear at the top of any request body (the spec's
// option B for credentials).
var credentialKeys = []string{"client_id", "secret"}

func checkValue(v any, n *schemaNode, path string, f *BodyFindings) {
	switch n.kind {
	case kindObject:
		obj, isObject := v.(map[string]any)
		if !isObject {
			f.WrongType = append(f.WrongType, TypeMismatch{path, kindNames[n.kind]})
			return
		}
		known := make(map[string]bool, len(n.fields))
		for _, fld := range n.fields {
			known[fld.name] = true
			p := joinPath(path, fld.name)
			fv, present := obj[fld.name]
			if !present || fv == nil || fv == "" {
				if fld.required {
					f.Missing = append(f.Missing, p)
				}
				continue
			}
			checkValue(fv, fld.node, p, f)
		}
		for _, k := range sortedKeys(obj) {
			switch {
			case known[k] || (path == "" && slices.Contains(credentialKeys, k)):
			case n.open:
				f.Unnamed = append(f.Unnamed, joinPath(path, k))
			default:
				f.Unknown = append(f.Unknown, joinPath(path, k))
			}
		}
	case kindMap:
		obj, isObject := v.(map[string]any)
		if !isObject {
			f.WrongType = append(f.WrongType, TypeMismatch{path, kindNames[n.kind]})
			return
		}
		for _, k := range sortedKeys(obj) {
			p := joinPath(path, k)
			if len(n.keys) > 0 && !slices.Contains(n.keys, k) {
				f.Unnamed = append(f.Unnamed, p)
			}
			if obj[k] != nil {
				checkValue(obj[k], n.elem, p, f)
			}
		}
	case kindArray:
		arr, isArray := v.([]any)
		if !isArray {
			f.WrongType = append(f.WrongType, TypeMismatch{path, kindNames[n.kind]})
			return
		}
		for i, e := range arr {
			p := fmt.Sprintf("%s[%d]", path, i)
			if e == nil {
				f.WrongType = append(f.WrongType, TypeMismatch{p, kindNames[n.elem.kind]})
				continue
			}
			checkValue(e, n.elem, p, f)
		}
	case kindString, kindTime:
		text, isString := v.(string)
		switch {
		case !isString:
			f.WrongType = append(f.WrongType, TypeMismatch{path, kindNames[n.kind]})
		case len(n.enum) > 0 && !slices.Contains(n.enum, text):
			f.Unlisted = append(f.Unlisted, EnumValue{path, text})
		}
	case kindBool:
		if _, isBool := v.(bool); !isBool {
			f.WrongType = append(f.WrongType, TypeMismatch{path, kindNames[n.kind]})
		}
	case kindNumber, kindInteger:
		num, isNumber := v.(json.Number)
		if !isNumber {
			f.WrongType = append(f.WrongType, TypeMismatch{path, kindNames[n.kind]})
			return
		}
		if n.kind == kindInteger {
			if _, err := num.Int64(); err != nil {
				f.WrongType = append(f.WrongType, TypeMismatch{path, kindNames[n.kind]})
			}
		} else if _, err := num.Float64(); err != nil {
			f.WrongType = append(f.WrongType, TypeMismatch{path, kindNames[n.kind]})
		}
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// timeType is time.Time, named here so the schema can treat it as a string.
type timeType = time.Time

// FieldPaths lists every field path of a request type, objects included,
// without array indices (user, user.name, user.name.given_name, …).
func FieldPaths(v any) []string {
	var out []string
	pathsIn(schemaOf(reflect.TypeOf(v)), "", &out)
	return out
}

func pathsIn(n *schemaNode, path string, out *[]string) {
	switch n.kind {
	case kindObject:
		for _, f := range n.fields {
			p := joinPath(path, f.name)
			*out = append(*out, p)
			pathsIn(f.node, p, out)
		}
	case kindArray:
		pathsIn(n.elem, path, out)
	case kindMap:
		for _, k := range n.keys {
			p := joinPath(path, k)
			*out = append(*out, p)
			pathsIn(n.elem, p, out)
		}
	}
}

// AbsentInAnswer lists the required fields (by path) an answer leaves
// out, for resp's type: a key that is not there at all. A null counts as
// there (Plaid answers null for what a user was created without, though
// its schema says otherwise: FACTS.md §10), and so does any extra field.
func AbsentInAnswer(data []byte, resp any) []string {
	var body any
	if json.Unmarshal(data, &body) != nil {
		return nil // the decoder has said what is wrong
	}
	var out []string
	absentIn(body, schemaOf(reflect.TypeOf(resp)), "", &out)
	return out
}

func absentIn(v any, n *schemaNode, path string, out *[]string) {
	switch n.kind {
	case kindObject:
		obj, isObject := v.(map[string]any)
		if !isObject {
			return
		}
		for _, f := range n.fields {
			fv, present := obj[f.name]
			p := joinPath(path, f.name)
			if !present && f.required {
				*out = append(*out, p)
			}
			if present && fv != nil {
				absentIn(fv, f.node, p, out)
			}
		}
	case kindArray:
		items, _ := v.([]any)
		for i, item := range items {
			absentIn(item, n.elem, fmt.Sprintf("%s[%d]", path, i), out)
		}
	}
}

// JSONKind is the JSON type a request path holds ("string", "boolean",
// "number", "integer", "array", "object"), for reading a value written as
// text (a CSV cell). The path is dotted, a list's items by index
// (redirect_uris.0, user.depository_accounts.1.account_number), a map's
// values by key. found is false for a path the request does not have.
func JSONKind(req any, path string) (kind string, found bool) {
	n := schemaOf(reflect.TypeOf(req))
	for _, seg := range strings.Split(path, ".") {
		switch n.kind {
		case kindObject:
			i := slices.IndexFunc(n.fields, func(f schemaField) bool { return f.name == seg })
			if i < 0 {
				return "", false
			}
			n = n.fields[i].node
		case kindArray:
			if _, err := strconv.Atoi(seg); err != nil {
				return "", false
			}
			n = n.elem
		case kindMap:
			n = n.elem
		default:
			return "", false
		}
	}
	return jsonKinds[n.kind], true
}

var jsonKinds = [...]string{"string", "boolean", "number", "integer", "object", "array", "object", "string", ""}
