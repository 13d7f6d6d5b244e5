package headinglink

import "testing"

func TestAppendLink(t *testing.T) {
	c := Config{Symbol: "#", Class: "anchor", Label: "Link to %s"}
	tests := []struct {
		c        Config
		id, text string
		want     string
	}{
		{c, "intro", "Intro", `<a class="anchor" href="#intro" aria-label="Link to Intro">#</a>`},
		{c, `a"b`, `<x> & "y"`, `<a class="anchor" href="#a&quot;b" aria-label="Link to &lt;x&gt; &amp; &quot;y&quot;">#</a>`},
		{Config{Symbol: "<¶>", Class: "h", Label: "%s, %s", HiddenClass: "sr-only"}, "x", "T",
			`<a class="h" href="#x"><span aria-hidden="true">&lt;¶&gt;</span><span class="sr-only">T, T</span></a>`},
	}
	for _, tt := range tests {
		if got := string(AppendLink(nil, tt.c, tt.id, tt.text)); got != tt.want {
			t.Errorf("AppendLink(%+v, %q, %q) =\n%s\nwant\n%s", tt.c, tt.id, tt.text, got, tt.want)
		}
	}
	if got, want := string(AppendWrapOpen(nil, c, "x")), `<a class="anchor" href="#x">`; got != want {
		t.Errorf("AppendWrapOpen = %s, want %s", got, want)
	}
}
