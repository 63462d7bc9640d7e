module knit.test/enums

go 1.24
