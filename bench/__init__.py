"""The benchmark (`make bench`): data generator, load runner, locustfile. Not part of the application."""
