module knit.test/ints_32

go 1.24
