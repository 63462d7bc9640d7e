module knit.test/flags_17

go 1.24
