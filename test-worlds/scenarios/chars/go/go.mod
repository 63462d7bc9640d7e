module knit.test/chars

go 1.24
