module knit.test/lists_of_strings

go 1.24
