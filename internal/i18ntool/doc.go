// Package i18ntool holds the translators' tools behind `bestpractices
// i18n`: the check of a locale file, the progress of each language, the
// starter file of a new one, and the stamp that records which English text
// a translation was made from. The run-time package i18n only loads and
// looks up texts; nothing here runs when the app merely shows them.
package i18ntool
