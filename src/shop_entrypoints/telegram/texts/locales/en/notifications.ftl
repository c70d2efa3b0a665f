## Messages the shop sends on its own (src/shop_entrypoints/notifications). HTML.

notify-subscription-ready =
    🔑 Your access is ready, valid until { $date }.
    Your connection link:
    { $url }
notify-payment-ready =
    ✅ Payment of { $amount } received: { days-count } added, your subscription is valid until { $date }.
    Your connection link:
    { $url }
notify-payment-held = ⏳ We received { $received } instead of { $expected }. The payment is held for a manual check; support will contact you.
notify-payment-refunded = ↩️ { $amount } was refunded to you.
notify-referral-bonus = 👥 A friend you invited joined: { days-count } added to your subscription.
notify-expiring = ⏰ Your subscription ends on { $date }. Renew it to stay connected.
notify-expired = ⛔ Your subscription ended on { $date }. Renew it to connect again.
notify-traffic-limit = 📶 You have used all the traffic of your subscription. Renew it or wait for the next reset.
notify-provisioning-delayed = ⚙️ Setting up your access takes longer than usual. We keep trying; nothing is lost.
notify-operator-message =
    💬 Message from support:
    { $text }
btn-notify-renew = 💳 Renew
btn-notify-subscription = 🔑 My subscription

admin-broadcast-progress =
    📣 Broadcast { $broadcast }: { $done } of { $total } done ({ $sent } sent, { $blocked } blocked the bot, { $failed } failed)…
admin-broadcast-finished =
    📣 Broadcast { $broadcast } { $cancelled ->
        [yes] cancelled
       *[no] finished
    }: { $sent } of { $total } sent, { $blocked } blocked the bot, { $failed } failed, { $unconfirmed } unconfirmed.
