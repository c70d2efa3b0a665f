"""Messages the shop sends on its own: expiry reminders (and, with the jobs, broadcasts)."""
