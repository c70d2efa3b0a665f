"""Measuring the bot's hot path: round-trip counting and a bot wired like production."""
