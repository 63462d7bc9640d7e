module knit.test/options_nested

go 1.24
