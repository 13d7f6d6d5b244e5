package textstats

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestPlainText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"paragraphs", "<p>One two.</p>\n<p>Three.</p>\n", "One two.\nThree.\n"},
		{"newline becomes space", "<p>a\nb</p>", "a b\n"},
		{"br forms", "a<br>b<br />c<br/>d", "a\nb\ncd"},
		{"entities kept", "<p>It&rsquo;s &amp; &lt;b&gt;</p>", "It&rsquo;s &amp; &lt;b&gt;\n"},
		{"script and style dropped", "<p>a</p><script>var x = '<p>';</script><style>p{}</style><p>b</p>", "a\nb\n"},
		{"script case and attributes", `x<SCRIPT type="a>b">if (a<b) {}</SCRIPT >y`, "xy"},
		{"comment dropped", "a<!-- <p>c</p> -->b", "ab"},
		{"not a tag", "I <3 Go and a < b", "I <3 Go and a < b"},
		{"quoted > in attribute", `<a title="1>2" href="x">link</a>`, "link"},
		{"collapse keeps first", "a \t\n  b\n\n\nc", "a b c"},
		{"collapse newline first", "<p>a</p>\n\n<p>b</p>", "a\nb\n"},
		{"unicode space", "a\u00a0\u00a0b\u3000c", "a\u00a0b\u3000c"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr></table>", "ab"},
		{"unclosed tag", "a<b c=\"d", "a"},
		{"invalid utf8", "a\xffb", "a\xffb"},
		{"textarea kept", "<textarea>t</textarea>", "t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, Plain([]byte(tt.in)), "Plain(%q)", tt.in)
		})
	}
}

func TestCountWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		cjk  bool
		want int
	}{
		{"empty", "", false, 0},
		{"spaces only", " \n\t ", false, 0},
		{"simple", "one two  three\nfour", false, 4},
		{"punctuation is part of words", "Hello, world! — yes", false, 4},
		{"nbsp separates", "a\u00a0b", false, 2},
		{"cjk off counts runs", "日本語 テキスト", false, 2},
		{"cjk on counts runes", "日本語 テキスト", true, 7},
		{"cjk ascii tokens count one", "Hugo 日本 go", true, 4},
		{"cjk mixed token", "Hugo日本", true, 6},
		{"ideographic space", "日本\u3000語", true, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, CountWords(tt.in, tt.cjk), "CountWords(%q, %v)", tt.in, tt.cjk)
		})
	}
}

func TestReadingTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		words, wpm, want int
	}{
		{0, 212, 0},
		{1, 212, 1},
		{212, 212, 1},
		{213, 212, 2},
		{439, 213, 3}, // verified with Hugo v0.165 (213 = its 212+1 rule)
		{439, 212, 3},
		{424, 212, 2},
		{425, 212, 3},
		{500, 500, 1},
		{501, 500, 2},
		{10, 0, 10}, // a wpm below 1 counts as 1
		{-5, 212, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ReadingTime(tt.words, tt.wpm), "ReadingTime(%d, %d)", tt.words, tt.wpm)
	}
}

// words returns n numbered words separated by spaces.
func words(prefix string, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(prefix)
	}
	return b.String()
}

func TestAutoSummary(t *testing.T) {
	t.Parallel()
	p := func(n int) string { return "<p>" + words("w", n) + "</p>\n" }
	tests := []struct {
		name      string
		in        string
		limit     int
		cjk       bool
		want      string
		truncated bool
	}{
		{"short content not truncated", p(5) + p(5), 70, false, p(5) + p(5), false},
		{"exactly the limit in the last block", p(30) + p(40), 70, false, p(30) + p(40), false},
		{"crossing paragraph included whole", p(60) + p(30) + p(10), 70, false, strings.TrimSuffix(p(60)+p(30), "\n"), true},
		{"reached at a block end", p(70) + p(1), 70, false, strings.TrimSuffix(p(70), "\n"), true},
		{"trailing white space is not more content", p(70) + "\n\n", 70, false, p(70) + "\n\n", false},
		{"tags and attributes not counted", `<p><a href="x y z" title="a b c">one</a> <em>two</em></p>` + "\n" + p(1), 2, false,
			`<p><a href="x y z" title="a b c">one</a> <em>two</em></p>`, true},
		{"nested list is one block", "<ul>\n<li><p>" + words("a", 3) + "</p>\n<ul>\n<li>b c</li>\n</ul>\n</li>\n<li>d</li>\n</ul>\n" + p(5), 4, false,
			"<ul>\n<li><p>" + words("a", 3) + "</p>\n<ul>\n<li>b c</li>\n</ul>\n</li>\n<li>d</li>\n</ul>", true},
		{"blockquote is one block", "<blockquote>\n" + p(3) + p(3) + "</blockquote>\n" + p(2), 4, false,
			"<blockquote>\n" + p(3) + p(3) + "</blockquote>", true},
		{"code block words count", "<pre><code>a b c d\n</code></pre>\n" + p(2), 3, false,
			"<pre><code>a b c d\n</code></pre>", true},
		{"highlighted code is one block", `<div class="highlight"><pre tabindex="0" class="chroma"><code><span class="line"><span class="cl">x y</span></span></code></pre></div>` + "\n" + p(2), 2, false,
			`<div class="highlight"><pre tabindex="0" class="chroma"><code><span class="line"><span class="cl">x y</span></span></code></pre></div>`, true},
		{"hr and headings are blocks", "<h2 id=\"a\">A b</h2>\n<hr>\n" + p(2), 2, false, "<h2 id=\"a\">A b</h2>", true},
		{"void element at top level", "<p>a</p>\n<hr>\n<p>b</p>\n", 1, false, "<p>a</p>", true},
		{"script words not counted", "<p>a</p>\n<script>x y z</script>\n<p>b c</p>\n<p>d</p>\n", 3, false, "<p>a</p>\n<script>x y z</script>\n<p>b c</p>", true},
		{"comment words not counted", "<p>a <!-- b c d --> e</p>\n<p>f</p>\n", 2, false, "<p>a <!-- b c d --> e</p>", true},
		{"cjk runes", "<p>日本語です</p>\n<p>次</p>\n", 3, true, "<p>日本語です</p>", true},
		{"cjk off", "<p>日本語です</p>\n<p>次</p>\n", 2, false, "<p>日本語です</p>\n<p>次</p>\n", false},
		{"zero limit", p(3), 0, false, "", true},
		{"empty", "", 70, false, "", false},
		{"unbalanced raw html", "<div><p>a b</p>\n" + p(3), 1, false, "<div><p>a b</p>\n" + p(3), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, truncated := AutoSummary([]byte(tt.in), tt.limit, tt.cjk)
			assert.Equal(t, tt.want, string(got), "AutoSummary(%q, %d)", tt.in, tt.limit)
			assert.Equal(t, tt.truncated, truncated, "truncated")
		})
	}
}

// FuzzTextStats checks the one-pass text statistics against their
// definitions: the word count is CountWords of the plain text, and a
// summary cut ends a tag and leaves a prefix of the content.
func FuzzTextStats(f *testing.F) {
	for _, s := range []string{
		"<p>One two <em>three</em> four.</p>\n<p>Five</p>\n",
		"<h2 id=\"a\">T</h2>\n<ul>\n<li>a b</li>\n</ul>\n<pre><code>x := 1\n</code></pre>\n",
		"<p>日本語の 文章 and ascii</p><br>x<br />y</p>",
		"a < b <3 <script>var x = '<p>'</script> c\u00a0d\u0085e",
		"<p>unclosed <em>tag",
		"a  \n\t b\n\nc\u00a0\u00a0d <b> </b> \n<br>\n e\xff\xfe",
	} {
		f.Add([]byte(s), 3, false)
		f.Add([]byte(s), 1, true)
	}
	f.Fuzz(func(t *testing.T, html []byte, limit int, cjk bool) {
		limit = max(0, min(limit, 100))
		plain, words, cut := Stats(html, limit, cjk)
		if p, w, c := statsRef(html, limit, cjk); p != plain || w != words || c != cut {
			t.Fatalf("Stats = %q, %d, %d; the reference says %q, %d, %d", plain, words, cut, p, w, c)
		}
		// Bytes of a broken UTF-8 sequence on both sides of a removed tag
		// can join into one rune in the plain text, so the count of the
		// plain text is compared for valid UTF-8 only.
		if want := CountWords(plain, cjk); utf8.Valid(html) && words != want {
			t.Fatalf("words = %d, CountWords(plain) = %d, plain %q", words, want, plain)
		}
		if limit == 0 && cut != -1 {
			t.Fatalf("cut = %d with no limit", cut)
		}
		// A cut ends a tag, or the input where an unclosed construct runs
		// to the end.
		if cut != -1 && (cut < 1 || cut > len(html) || (cut < len(html) && html[cut-1] != '>')) {
			t.Fatalf("cut = %d does not end a tag in %q", cut, html)
		}
	})
}
