"""The bot's hot path on real databases: what a returning customer costs."""
