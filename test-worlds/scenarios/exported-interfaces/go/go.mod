module knit.test/exported_interfaces

go 1.24
