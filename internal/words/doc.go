// Package words says things the way the screens and commands read them:
// "5 min ago", a plural that agrees with its count, a dash for nothing.
package words
