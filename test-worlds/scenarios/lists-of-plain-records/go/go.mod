module knit.test/lists_of_plain_records

go 1.24
