"""`shop run`: start the bot, the web server and the jobs in one process; stop them gracefully."""
