module knit.test/resources_passed_back

go 1.24
