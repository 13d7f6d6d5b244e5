#!/usr/bin/env bash
# make.sh: writes Hugo 0.165's output for every page in pages/ into
# hugo-<variant>.json. See README.md in this folder. Run it from anywhere:
#   go install github.com/gohugoio/hugo@v0.165.0
#   bash render/testdata/hugo/make.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
hugo=${HUGO:-$(go env GOPATH)/bin/hugo}
"$hugo" version | grep -q 'v0.165.0' || { echo "make.sh: needs Hugo v0.165.0 (found: $("$hugo" version))" >&2; exit 1; }
for variant in default unsafe inline; do
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	cp -r "$here/site/." "$work/"
	mkdir -p "$work/content"
	cp "$here"/pages/*.md "$work/content/"
	case $variant in
	unsafe) printf '\n[markup.goldmark.renderer]\nunsafe = true\n' >>"$work/hugo.toml" ;;
	inline) printf '\nenableInlineShortcodes = true\n' >>"$work/hugo.toml" ;;
	esac
	out=$(cd "$work" && "$hugo" --logLevel error --buildDrafts --buildFuture --buildExpired --destination "$work/public" 2>&1) ||
		{ echo "make.sh: Hugo failed ($variant):" >&2; echo "$out" >&2; exit 1; }
	# The home page template writes one JSON object, keyed by file name.
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); json.dump(d, open(sys.argv[2],"w"), indent=1, sort_keys=True, ensure_ascii=False); open(sys.argv[2],"a").write("\n")' \
		"$work/public/index.html" "$here/hugo-$variant.json"
	rm -rf "$work"
	trap - EXIT
done
# Opt-in features: each folder features/NAME/ holds pages/*.md, a
# hugo.toml fragment appended to site/hugo.toml, and optionally layouts/
# laid over site/layouts (render hooks that print what Hugo passes them).
# Hugo's output goes to features/NAME/hugo.json.
for dir in "$here"/features/*/; do
	[ -d "$dir/pages" ] || continue
	name=$(basename "$dir")
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	cp -r "$here/site/." "$work/"
	[ -f "$dir/hugo.toml" ] && { printf '\n' >>"$work/hugo.toml"; cat "$dir/hugo.toml" >>"$work/hugo.toml"; }
	[ -d "$dir/layouts" ] && cp -r "$dir/layouts/." "$work/layouts/"
	[ -d "$dir/static" ] && cp -r "$dir/static" "$work/"
	mkdir -p "$work/content"
	cp -r "$dir"/pages/. "$work/content/"
	out=$(cd "$work" && "$hugo" --logLevel error --buildDrafts --buildFuture --buildExpired --destination "$work/public" 2>&1) ||
		{ echo "make.sh: Hugo failed (features/$name):" >&2; echo "$out" >&2; exit 1; }
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); json.dump(d, open(sys.argv[2],"w"), indent=1, sort_keys=True, ensure_ascii=False); open(sys.argv[2],"a").write("\n")' \
		"$work/public/index.html" "$dir/hugo.json"
	rm -rf "$work"
	trap - EXIT
done
# Publication without --buildFuture: which pages Hugo publishes by default.
work=$(mktemp -d)
cp -r "$here/site/." "$work/"
mkdir -p "$work/content"
cp "$here"/pages/*.md "$work/content/"
out=$(cd "$work" && "$hugo" --logLevel error --destination "$work/public" 2>&1) ||
	{ echo "make.sh: Hugo failed (published):" >&2; echo "$out" >&2; exit 1; }
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); json.dump(sorted(d), open(sys.argv[2],"w"), indent=1); open(sys.argv[2],"a").write("\n")' \
	"$work/public/index.html" "$here/hugo-published.json"
rm -rf "$work"
