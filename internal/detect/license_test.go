package detect

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// License texts shaped like those found in repositories: the full texts,
// the same in a source file's comment, and the partial and altered copies
// people commit.
const (
	mitFull = `MIT License

Copyright (c) 2023 Acme Widgets contributors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`
	mit0Full = `MIT No Attribution

Copyright 2023 Acme Widgets

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify,
merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`
	// A source file's header: a shorter grant, behind comment marks.
	mit0Header = `/**
 *  MIT No Attribution
 *
 *  Copyright Acme Widgets. All Rights Reserved.
 *
 *  Permission is hereby granted, free of charge, to any person obtaining a copy of
 *  the Software without restriction, including without limitation the rights to
 *  use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
 *  the Software, and to permit persons to whom the Software is furnished to do so.
 *
 *  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 *  IMPLIED. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE.
 */
`
	// Only the first paragraphs: the conditions that tell MIT from MIT-0
	// were not copied.
	mitTruncated = `MIT License

Copyright (c) 2023 Acme Widgets contributors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:
`
	// The X11 wording of the notice clause, common in C and Java headers.
	mitNextParagraph = `// Copyright 2019-2023 Acme Widgets B.V.
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice (including the next paragraph)
// shall be included in all copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED. IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM.
`
	isc = `ISC License

Copyright (c) 2023, Acme Widgets

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
`
	zeroBSD = `BSD Zero Clause License

Copyright (C) 2023 by Acme Widgets

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted.

THE SOFTWARE IS PROVIDED “AS IS” AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH
REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY
AND FITNESS.
`
	bsd3 = `BSD 3-Clause License

Copyright (c) 2023, Acme Widgets

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED.
`
)

// cut is text up to (not including) the line holding marker.
func cut(text, marker string) string {
	return text[:strings.LastIndex(text[:strings.Index(text, marker)], "\n")+1]
}

// A license is named from a text that could be no other: a partial text
// shared by two licenses (MIT and MIT-0, ISC and 0BSD, BSD-3-Clause and
// BSD-2-Clause) names neither.
func TestIdentifyWholeTextsOnly(t *testing.T) {
	bsd2 := cut(bsd3, "3. Neither") + bsd3[strings.Index(bsd3, "THIS SOFTWARE"):]
	for _, c := range []struct{ name, text, want string }{
		{"full MIT", mitFull, "MIT"},
		{"full MIT-0", mit0Full, "MIT-0"},
		{"MIT-0 in a source header", mit0Header, "MIT-0"},
		{"MIT cut after its grant", mitTruncated, ""},
		{"MIT cut before the disclaimer", cut(mitFull, "THE SOFTWARE IS"), "MIT"},
		{"MIT with a changed notice clause", mitNextParagraph, "MIT"},
		{"MIT with another copyright line", strings.Replace(mitFull, "Copyright (c) 2023 Acme Widgets contributors", "Copyright © 2015-present Acme, Inc. and its affiliates. All rights reserved.", 1), "MIT"},
		{"MIT-0 cut after its grant", cut(mit0Full, "THE SOFTWARE IS"), ""},
		{"ISC", isc, "ISC"},
		{"0BSD with typographic quotes", zeroBSD, "0BSD"},
		{"ISC cut inside its grant", cut(isc, "copyright notice and this"), ""},
		{"BSD-3-Clause", bsd3, "BSD-3-Clause"},
		{"BSD-2-Clause", bsd2, "BSD-2-Clause"},
		{"BSD-3-Clause cut before its third clause", cut(bsd3, "3. Neither"), ""},
	} {
		if got := Identify(c.text); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// Issue: detect --apply proposed MIT-0 for a LICENSE holding the start of
// the MIT license. It names no license, and says the text is not one it
// knows.
func TestTruncatedLicenseProposesNone(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{"LICENSE": mitTruncated}))
	none(t, rep, "floss_license")
	none(t, rep, "floss_license_osi")
	if !uncheckedHas(rep, "LICENSE", "not recognised") {
		t.Errorf("the unknown text is not reported: %v", rep.Unchecked)
	}
	want(t, scan(t, fixture(t, map[string]string{"LICENSE": mit0Full})), "floss_license", model.Met, "MIT-0")
}
