"""Customers and their access: registration, trial, provisioning, overview."""
