module knit.test/flags_1

go 1.24
