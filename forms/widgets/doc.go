// Package widgets is the questions' building blocks, apart from any
// wizard: a text input checked as it is typed, a searchable picker, one-
// and many-choice questions, each with its plain-line form for accessible
// mode; moving between them at once (StepForm); binding them to values
// with a change count; reading answers a line at a time. A screen can
// reuse a picker without a wizard.
//
// Each widget is split as stripe-cli splits its components: the model
// (state and Update) in <widget>_model.go, its keys in _keymap.go, its
// drawing in _view.go, and its plain prompt in _plain.go.
package widgets
