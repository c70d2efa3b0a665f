"""What the shop says on its own: domain events rendered as Telegram messages."""
