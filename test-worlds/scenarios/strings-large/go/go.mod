module knit.test/strings_large

go 1.24
