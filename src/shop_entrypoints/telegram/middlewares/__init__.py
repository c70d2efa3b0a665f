"""Outer middlewares on the update: log context, throttling, the customer, the channel gate."""
