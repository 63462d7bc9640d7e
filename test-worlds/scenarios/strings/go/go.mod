module knit.test/strings

go 1.24
