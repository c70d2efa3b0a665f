"""One package per provider. Providers never import each other (import-linter enforces it):
anything two providers need lives one level up, in `shop_adapters.payments`."""
