package cli

import (
	"io"

	"github.com/bestpractices/bestpractices/internal/regfile"
)

// Files the commands read or replace (an imported JSON, .bestpractices.json,
// export -o's target) must be regular files: package regfile refuses a
// named pipe, a device, a socket, a directory or a link to nothing at once,
// never waiting on one nor replacing it. The answers file goes through
// model, which uses the same package.

// readRegular reads at most limit+1 bytes of a regular file: enough for
// the site's parser to see, and say in its words, that it is over the
// limit, without reading all of a huge one.
func readRegular(path string, limit int64) ([]byte, error) {
	fh, _, err := regfile.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return io.ReadAll(io.LimitReader(fh, limit+1))
}
