"""`python -m shop_entrypoints` is the `shop` command."""

from shop_entrypoints.cli import app

app(prog_name="shop")
