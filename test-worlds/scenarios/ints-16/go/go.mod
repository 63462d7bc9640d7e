module knit.test/ints_16

go 1.24
