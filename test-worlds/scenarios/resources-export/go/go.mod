module knit.test/resources_export

go 1.24
