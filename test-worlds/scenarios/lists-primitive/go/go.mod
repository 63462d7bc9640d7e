module knit.test/lists_primitive

go 1.24
