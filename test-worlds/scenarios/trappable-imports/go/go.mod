module knit.test/trappable_imports

go 1.24
