package embed

import (
	"crypto/sha256"
	"encoding/base64"
	"slices"
	"strings"
)

// cssBase styles the class-only wrapper (WrapperClass) and the facade; the
// inline wrapper needs none of it, except for a facade's focus ring.
const cssBase = `.folio-embed{position:relative;width:100%;height:0;padding-bottom:56.25%;overflow:hidden}
.folio-embed>iframe,.folio-embed>.folio-embed-play{position:absolute;top:0;left:0;width:100%;height:100%;border:0}
.folio-embed-play{display:block;background:#111;color:#fff;text-decoration:none;overflow:hidden;cursor:pointer}
.folio-embed-play>img{position:absolute;top:0;left:0;width:100%;height:100%;object-fit:cover}
.folio-embed-play>.folio-embed-button{position:absolute;top:50%;left:50%;transform:translate(-50%,-50%);opacity:.85;transition:opacity .2s}
.folio-embed-play:hover>.folio-embed-button,.folio-embed-play:focus-visible>.folio-embed-button{opacity:1}
.folio-embed-play:focus-visible{outline:3px solid #fff;outline-offset:-6px}
.folio-embed-caption{position:absolute;top:0;left:0;right:0;padding:12px 16px;font:16px/1.3 system-ui,sans-serif;color:#fff;background:linear-gradient(rgba(0,0,0,.6),transparent)}
`

// cssRatios are the ratios CSS always has a rule for.
var cssRatios = []Ratio{{16, 9}, {9, 16}, {4, 3}, {3, 4}, {1, 1}, {21, 9}, {3, 2}, {2, 3}}

// CSS returns the stylesheet for [WrapperClass] and for facades: serve it
// once per page (or in a file). It has rules for the ratios 16:9, 9:16, 4:3,
// 3:4, 1:1, 21:9, 3:2 and 2:3; pass any other ratio your embeds use to get
// its rule too. The inline wrapper needs no stylesheet.
func CSS(extra ...Ratio) string {
	var b strings.Builder
	b.WriteString(cssBase)
	var seen []Ratio
	for _, r := range append(slices.Clip(cssRatios), extra...) {
		if !r.valid() {
			continue
		}
		r = r.reduced()
		if slices.Contains(seen, r) {
			continue
		}
		seen = append(seen, r)
		b.WriteString(".")
		b.WriteString(ratioClass(r))
		b.WriteString("{padding-bottom:")
		b.WriteString(percent(r))
		b.WriteString("}\n")
	}
	return b.String()
}

// FacadeScript is the script that turns a click on a facade into the player:
// it replaces the link with an iframe whose src is the link's
// data-embed-src, after checking that it is an https URL. Include it once
// per page, in a file or an inline <script> (for a Content-Security-Policy,
// see [FacadeScriptHash]). It sets styles through the CSSOM only, so a policy
// without 'unsafe-inline' styles still works. Without the script, the
// facade is a plain link to the video's page.
const FacadeScript = `(function(){"use strict";
document.addEventListener("click",function(e){
var t=e.target,a=t&&t.closest?t.closest("a.folio-embed-play[data-embed-src]"):null;
if(!a||e.button!==0||e.ctrlKey||e.metaKey||e.shiftKey||e.altKey)return;
var src=a.getAttribute("data-embed-src")||"";
if(src.indexOf("https://")!==0)return;
e.preventDefault();
var f=document.createElement("iframe");
f.src=src;
f.title=a.getAttribute("data-embed-title")||"Video";
f.setAttribute("allow",a.getAttribute("data-embed-allow")||"");
f.setAttribute("referrerpolicy","strict-origin-when-cross-origin");
var s=f.style;s.position="absolute";s.top="0";s.left="0";s.width="100%";s.height="100%";s.border="0";
var w=a.parentNode;if(w&&w.classList)w.classList.remove("folio-embed-facade");
a.replaceWith(f);
f.focus();
});
})();
`

// FacadeScriptHash returns the Content-Security-Policy source for
// [FacadeScript] used as an inline script, such as "'sha256-...'".
func FacadeScriptHash() string {
	sum := sha256.Sum256([]byte(FacadeScript))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
