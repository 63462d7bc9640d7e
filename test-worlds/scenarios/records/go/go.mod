module knit.test/records

go 1.24
