"""The workspace's pages: ministry staff report, coordinators validate."""
