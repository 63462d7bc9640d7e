module knit.test/type_aliases

go 1.24
