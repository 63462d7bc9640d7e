module knit.test/variants

go 1.24
