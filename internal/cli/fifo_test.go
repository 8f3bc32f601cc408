package cli

import "github.com/bestpractices/bestpractices/internal/fifotest"

// A named pipe where a file is expected, and the watchdog that fails a
// test waiting on one.
var within, makeFIFO = fifotest.Within, fifotest.Make
