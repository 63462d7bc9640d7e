module knit.test/lists_of_records

go 1.24
