"""Entry points: settings, logging, the composition root, the bot, webhooks, jobs and the CLI."""
