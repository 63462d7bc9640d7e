module knit.test/hard_import_export

go 1.24
