module knit.test/compose_polyglot

go 1.24
