package main

import "flag"

var update = flag.Bool("update", false, "rewrite golden files and docs/screenshots/render.png")
