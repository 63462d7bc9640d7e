module knit.test/resources_import

go 1.24
