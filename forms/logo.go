package forms

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// UILogoPath is the draft's UI key for the logo's file path.
const UILogoPath = drafts.UILogoPath

// logoFiles checks logo files, reading each file once per version of it.
type logoFiles struct {
	path    string
	size    int64
	mod     time.Time
	info    validate.LogoInfo
	result  validate.Result
	encoded string
}

// maxLogoRead stops a mistaken path to a huge file from being read whole.
const maxLogoRead = 2 * validate.LogoMaxBytes

// check judges a path as it is typed: a path on its way to a file is
// incomplete, a missing one invalid, a file is read and checked as a logo.
func (l *logoFiles) check(typed string) validate.Result {
	path := widgets.ExpandHome(typed)
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		dir, base := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		entries, derr := os.ReadDir(dir)
		if derr == nil {
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), base) {
					return validate.Result{State: validate.Incomplete, Message: "keep typing the path (Tab completes it)"}
				}
			}
		}
		return validate.Result{State: validate.Invalid, Message: "no such file"}
	case fi.IsDir():
		return validate.Result{State: validate.Incomplete, Message: "a folder: keep typing the file name"}
	case !fi.Mode().IsRegular():
		return validate.Result{State: validate.Invalid, Message: "not a regular file"}
	case fi.Size() > maxLogoRead:
		return validate.Result{State: validate.Invalid, Message: fmt.Sprintf("must be under 4 MB (it is %s)", validate.HumanBytes(int(fi.Size())))}
	}
	if l.path == path && l.size == fi.Size() && l.mod.Equal(fi.ModTime()) {
		return l.result
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return validate.Result{State: validate.Invalid, Message: "cannot be read: " + err.Error()}
	}
	l.path, l.size, l.mod = path, fi.Size(), fi.ModTime()
	l.info, l.result = validate.Logo(data)
	l.encoded = ""
	if l.result.OK() {
		l.encoded = base64.StdEncoding.EncodeToString(data)
	}
	return l.result
}

func logoSummary(info validate.LogoInfo, name string) string {
	return fmt.Sprintf("%s · %d×%d · %s", name, info.Width, info.Height, validate.HumanBytes(info.Bytes))
}

// logo asks for the logo as a PNG file: the body carries the file's
// base64 while it is a valid logo, and the path typed is kept in the
// draft's UI state whatever it is.
func (f *Flow) logo(fd *catalog.Field) huh.Field {
	files := &logoFiles{}
	ui := f.Draft.UI
	body := f.ref(fd.Path)
	description := "PNG, exactly 1024×1024, under 4 MB; needed when Link customization is copied"
	if body.String() != "" && ui[UILogoPath] == "" {
		if info, res := validate.LogoBase64(body.String()); res.OK() {
			description = "Kept from the draft: " + logoSummary(info, fd.Path) + ". Type a path to replace it."
		}
	}
	return widgets.NewInput(widgets.InputSpec{
		Key: fd.Path, Title: fd.Label + " file", Description: description, Placeholder: "~/Pictures/logo.png",
		CharLimit: 4096, Check: files.check,
		Info: func(path string) string {
			if files.result.OK() {
				return logoSummary(files.info, filepath.Base(path))
			}
			return ""
		},
		Suggestions: widgets.SuggestPaths,
	}, widgets.BindFunc(
		func() string { return ui[UILogoPath] },
		func(path string) {
			ui[UILogoPath] = path
			// The body follows the file: a valid PNG is sent, anything
			// else clears the logo (a typed path is never lost).
			body.SetString("")
			if path != "" && files.check(path).OK() {
				body.SetString(files.encoded)
			}
		}, f.Changes)).Accessible(f.opt.Accessible)
}
