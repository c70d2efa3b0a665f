"""Money: quotes, checkouts, confirmations, promo codes and refunds."""
