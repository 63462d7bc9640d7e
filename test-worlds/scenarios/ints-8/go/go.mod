module knit.test/ints_8

go 1.24
