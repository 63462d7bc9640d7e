module knit.test/flags_32

go 1.24
