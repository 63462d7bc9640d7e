module knit.test/resources_in_containers

go 1.24
