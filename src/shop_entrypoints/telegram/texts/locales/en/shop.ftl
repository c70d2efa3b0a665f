# Remnawave Shop: the bot's English texts.
# Operators override single messages in en.ftl inside the override directory.

# { days-count } renders $days with the plural form the language needs.
days-count = { $days ->
    [one] { $days } day
   *[other] { $days } days
}

## Common

btn-back = « Back
btn-menu = « Main menu
btn-cancel = Cancel
stale-button = This button is out of date. Please open the menu again: /start
not-yours = This button isn't meant for you.
private-only = This works in a private chat with the bot only.
throttled = Too many requests. Please wait a moment and try again.
banned = Your access to this bot is restricted. If you think this is a mistake, please contact support.
unknown-message = Sorry, I didn't quite get that. Open the menu: /start

## Start

welcome-new =
    Hi, { $name }! 👋
    This bot gets you a fast, reliable VPN: try it for free, buy a subscription and manage it right here in Telegram.
welcome-back = Welcome back, { $name }! What can I do for you?
start-promo-bonus = 🎁 The promo code from your link is applied: { days-count } added to your subscription.
start-promo-discount = 🏷 The promo code from your link is applied: { $percent }% off a purchase until { $until }.
start-promo-failed = ⚠️ The promo code from your link didn't work. { $reason }

terms-required = Before we start, please read the terms of service and confirm that you accept them.
btn-terms-read = 📄 Read the terms
btn-terms-accept = ✅ I accept the terms
terms-accepted = Thank you! The terms are accepted.

channel-required = To use the bot, please join our channel: it has news and server status updates. Then tap "I've joined".
btn-channel-join = 📢 Open the channel
btn-channel-check = ✅ I've joined
channel-not-joined = We can't see you in the channel yet. Please join it and tap the button again.

## Main menu

menu-title = Main menu. What would you like to do?
btn-trial = 🎁 Try it free for { days-count }
btn-buy = 💳 Buy or renew
btn-my-subscription = 🔑 My subscription
btn-promo = 🏷 Promo code
btn-referral = 👥 Invite friends
btn-language = 🌐 Language / Язык
btn-support = 💬 Support
btn-terms = 📄 Terms
btn-status = 📶 Server status

## Free trial

trial-started =
    🎉 Your free trial is on! Access is valid until { $date }.
    Your connection link:
    { $url }
    Add it to your VPN app. Setup guides are under "My subscription".
trial-pending = 🎉 Your free trial is on until { $date }! We're setting up your access: the link will arrive in a separate message within a couple of minutes.

## Catalogue and checkout

catalog-title = Choose a plan:
catalog-empty = No plans are on sale right now. Please check back later or contact support.
plan-header = 📦 { $name } plan
plan-traffic = Traffic: { $gb } GB
plan-traffic-unlimited = Traffic: unlimited
plan-devices = Devices: up to { $count }
plan-choose-duration = Choose a period:
duration-button = { days-count } · { $price }
duration-button-discount = { days-count } · { $price } (−{ $percent }%)
methods-title =
    { $plan }, { days-count }
    Choose how to pay:
methods-discount-note = Your { $percent }% promo discount is already included in the price.
methods-empty = No payment methods are available for this plan right now. Please try later or contact support.
method-button = { $provider } · { $price }
provider-yookassa = 💳 Card or SBP
provider-stars = ⭐ Telegram Stars
provider-cryptopay = 🪙 Crypto
checkout-ready =
    🧾 Order: { $plan }, { days-count }
    Total: { $price }
    Tap "Pay" to complete the payment. Your subscription activates automatically as soon as it's paid.
btn-pay = 💳 Pay { $price }
invoice-title = { $plan }, { days-count }
invoice-description = VPN subscription "{ $plan }" for { days-count }. Access opens right after payment.
invoice-sent = Your invoice is below 👇
pre-checkout-unknown-order = This invoice is not yours or no longer exists. Open the catalogue and choose a plan again.
pre-checkout-not-payable = This invoice has already been paid or closed. No Stars were charged.
pre-checkout-expired = This invoice has expired. Open the catalogue and choose a plan again; no Stars were charged.
pre-checkout-amount-mismatch = The price of this invoice has changed. Please choose the plan again; no Stars were charged.
pre-checkout-unavailable = We cannot take the payment right now. Please try again in a minute; no Stars were charged.

## My subscription

sub-none = You don't have a subscription yet. Buy one or try it for free.
sub-overview =
    🔑 Your subscription
    Status: { $status }
    Valid until: { $date } ({ days-count } left)
status-active = ✅ active
status-trial = 🎁 free trial
status-expired = ⌛ expired
status-disabled = ⛔ disabled
status-limited = ⚠️ traffic limit reached
sub-traffic = Traffic: { $used } of { $limit } GB
sub-traffic-unlimited = Traffic: { $used } GB (unlimited)
sub-traffic-limit = Traffic limit: { $limit } GB
sub-devices = Devices: up to { $count }
sub-devices-connected = Devices: { $count } of { $limit } connected
sub-devices-connected-unlimited = Devices connected: { $count }
sub-link =
    Your connection link:
    { $url }
sub-link-pending = The link will appear as soon as your access is set up.
sub-panel-down = ⚠️ The subscription server is unavailable right now, so you're seeing saved data. Traffic figures will update later.
btn-qr = 📷 QR code
btn-guides = 📖 How to connect
btn-revoke = 🔄 New link
btn-devices = 📱 Devices
btn-renew = 💳 Renew
qr-caption = Scan this QR code in your VPN app to add the subscription.
guides-title = Pick your device to open a step-by-step guide.
guides-empty = No guides have been added yet. If you need help, please contact support.
guide-android = 🤖 Android
guide-ios = 🍏 iPhone and iPad
guide-windows = 🪟 Windows
guide-macos = 💻 macOS
guide-linux = 🐧 Linux
guide-tv = 📺 Smart TV
revoke-confirm = Issue a new link? The old one stops working immediately, and you'll need to add the subscription again on every device.
btn-revoke-confirm = 🔄 Yes, issue a new link
revoke-done =
    ✅ Done! Your new connection link:
    { $url }
    Add it again on your devices.
devices-title = 📱 Connected devices: { $count } of { $limit }
devices-title-unlimited = 📱 Connected devices: { $count }
devices-empty = No devices are connected yet.
devices-hint = Tap a device to disconnect it and free up a slot.
device-disconnected = "{ $name }" has been disconnected.
device-unknown = Unknown device
btn-device = ✖ { $name }

## Promo codes

promo-ask = Send your promo code in a single message.
promo-bad-format = A promo code is made of Latin letters and digits, with no spaces. Try again or tap "Cancel".
promo-bonus-applied = 🎁 Promo code applied: { days-count } added. Your subscription is valid until { $date }.
promo-discount-applied = 🏷 The { $percent }% discount is yours! It's reserved for you until { $until }: place an order and it applies automatically.
promo-cancelled = Promo code entry cancelled.

## Referrals

referral-info =
    👥 Invite friends and earn bonus days whenever they buy a subscription.
    Your link:
    { $link }
    Friends invited: { $invited }
    Bonus earned: { days-count }
btn-share = 📤 Share
inline-share-title = VPN invitation
inline-share-description = Send your invitation link to a friend
inline-share-text = I use this VPN: it's fast and hassle-free. Join with my link: { $link }
btn-inline-open = 🚀 Get the VPN

## Language

language-title = Выберите язык / Choose your language
language-changed = Done, we'll speak English from now on.
language-name-ru = 🇷🇺 Русский
language-name-en = 🇬🇧 English

## Errors

error-generic = 😔 Something went wrong. We're looking into it; please try again a bit later.
error-customer_not_found = We couldn't find your profile. Tap /start to begin again.
error-customer_banned = Your access to this bot is restricted. If you think this is a mistake, please contact support.
error-terms_not_accepted = Please accept the terms of service first: /start
error-plan_not_available = This plan is no longer available. Please open the catalogue again.
error-price_not_available = This option is no longer available. Please choose another one.
error-subscription_not_found = You don't have a subscription yet.
error-trial_not_available = The free trial isn't available right now.
error-trial_already_used = You've already used your free trial. Buy a subscription to keep going.
error-invalid_promo_code = That promo code isn't valid.
error-promo_code_not_found = There's no such promo code. Check the spelling and try again.
error-promo_code_expired = This promo code has expired.
error-promo_code_exhausted = This promo code has reached its activation limit.
error-promo_code_already_used = You've already activated this promo code.
error-promo_code_not_applicable = This promo code isn't valid for your account.
error-payment_method_not_available = This payment method isn't available right now. Please choose another one.
error-payment_not_found = We received your payment but could not match it to an order. Our team has been told and will credit or refund it; you do not need to pay again.
error-checkout_in_progress = Creating your invoice, one moment…
error-payment_provider_error = The payment service isn't responding. Please try again in a minute or choose another payment method.
error-vpn_panel_error = The subscription server is temporarily unavailable. Please try again in a couple of minutes.
error-storage_error = We couldn't save your data. Please try again.
