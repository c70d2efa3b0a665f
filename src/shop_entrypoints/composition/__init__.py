"""The composition root, split as dependency-injector's multiple-containers example:
infrastructure resources, adapters, use cases and the delivery mechanisms (bot, web, jobs)."""
