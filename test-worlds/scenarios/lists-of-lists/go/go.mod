module knit.test/lists_of_lists

go 1.24
