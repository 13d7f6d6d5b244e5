#!/usr/bin/env bash
# make.sh: builds every content folder in sites/ with Hugo 0.165.0 and
# writes what Hugo made of it to sites/NAME/hugo.json. See README.md.
#   go install github.com/gohugoio/hugo@v0.165.0
#   bash post/content/testdata/hugo/make.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
hugo=${HUGO:-$(go env GOPATH)/bin/hugo}
"$hugo" version | grep -q 'v0.165.0' || { echo "make.sh: needs Hugo v0.165.0 (found: $("$hugo" version))" >&2; exit 1; }
for dir in "$here"/sites/*/; do
	name=$(basename "$dir")
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	cp -r "$dir/." "$work/"
	rm -f "$work/hugo.json" "$work/flags"
	mkdir -p "$work/layouts"
	cp -r "$here/layouts/." "$work/layouts/"
	flags=""
	[ -f "$dir/flags" ] && flags=$(cat "$dir/flags")
	# shellcheck disable=SC2086
	out=$(cd "$work" && "$hugo" --logLevel error $flags --destination "$work/public" 2>&1) ||
		{ echo "make.sh: Hugo failed (sites/$name):" >&2; echo "$out" >&2; exit 1; }
	# Every home page (one per language) holds a JSON object marked
	# "folio-oracle"; the other files are listed by path.
	python3 - "$work/public" "$dir/hugo.json" <<'PY'
import json, os, sys
root, dst = sys.argv[1], sys.argv[2]
pages, files, taxonomies = [], [], {}
for d, _, names in os.walk(root):
    for n in names:
        full = os.path.join(d, n)
        rel = os.path.relpath(full, root).replace(os.sep, "/")
        files.append(rel)
        if n.endswith(".html"):
            try:
                v = json.load(open(full, encoding="utf-8"))
            except ValueError:
                continue
            if isinstance(v, dict) and "folio-oracle" in v:
                pages.extend(v["pages"])
                taxonomies[v["folio-oracle"]] = v.get("taxonomies", {})
pages.sort(key=lambda p: (p["lang"], p["kind"], p["path"]))
files.sort()
with open(dst, "w", encoding="utf-8") as f:
    json.dump({"pages": pages, "files": files, "taxonomies": taxonomies}, f, indent=1, sort_keys=True, ensure_ascii=False)
    f.write("\n")
PY
	rm -rf "$work"
	trap - EXIT
done
