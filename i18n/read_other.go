//go:build !unix

package i18n

const openNonBlock = 0
