"""What operators do from the admin menu: statistics, customer cards and moderation, the plan
catalogue, promo codes and ad campaigns."""
