# Remnawave Shop: the admin bot's English texts (operators see them in their own language).

## Menu

adm-menu-title = 🛠 Admin menu. Choose a section.
adm-btn-stats = 📊 Statistics
adm-btn-customers = 👤 Customers
adm-btn-plans = 📦 Plans
adm-btn-promo = 🏷 Promo codes
adm-btn-campaigns = 📣 Ad campaigns
adm-btn-broadcast = ✉️ Broadcast
adm-btn-home = « Admin menu
adm-btn-back = « Back
adm-btn-refresh = 🔄 Refresh
adm-btn-confirm = ✅ Yes, do it
adm-saved = Saved.
adm-text-expected = Please send the answer as text, or tap Cancel.
adm-number-bad = Send a whole number from 0 to { $max }.

## Statistics

adm-stats =
    📊 Statistics
    Customers: { $customers } (+{ $new_today } today)
    Active subscriptions: { $active }
    Active trials: { $trials }
    Revenue today: { $today }
    Revenue, 7 days: { $week }
    Revenue, 30 days: { $month }
adm-stats-panel = 🖥 Panel { $version }: { $users } users, { $online } online now, { $nodes } nodes online
adm-stats-panel-down = ⚠️ The panel didn't answer, so its numbers are missing. The rest is up to date.

## Customers

adm-customer-ask = Send the customer's Telegram id or @username.
adm-customer-bad-query = That's too long for a Telegram id or username. Try again.
adm-card =
    👤 Customer { $id } ({ $username })
    Name: { $name } · Language: { $language }
    Joined: { $joined }
    Flags: { $flags }
adm-flag-banned = 🚫 banned
adm-flag-blocked-bot = 🔕 blocked the bot
adm-flag-paid = 💳 has paid
adm-flag-trial-used = 🎁 trial used
adm-flag-none = none
adm-kind-trial = Trial
adm-kind-paid = Subscription
adm-card-subscription = 🔑 { $kind } until { $date } ({ $status }), traffic { $traffic } GB, devices { $devices }
adm-card-no-subscription = 🔑 No subscription
adm-card-payments = 💳 Last payments ({ $count }):
adm-card-payment = • { $date } { $amount } via { $provider }: { $status }
adm-card-no-payments = 💳 No payments
adm-card-referrals = 👥 Invited: { $count }, bonus days earned: { $days }
adm-sub-status-active = active
adm-sub-status-expired = expired
adm-sub-status-disabled = disabled
adm-sub-status-limited = traffic limit reached
adm-pay-status-pending = pending
adm-pay-status-paid = paid
adm-pay-status-provisioned = paid, access delivered
adm-pay-status-failed = failed
adm-pay-status-expired = expired
adm-pay-status-held = held for review
adm-pay-status-refunded = refunded
adm-ban-admin-refused = An admin can't be banned here: remove them from SHOP_TELEGRAM__ADMIN_IDS first.
adm-btn-customer-days = ➕ Add days
adm-btn-customer-ban = 🚫 Ban
adm-btn-customer-unban = ✅ Unban
adm-btn-customer-msg = ✉️ Message
adm-btn-customer-trial = 🎁 Reset trial
adm-btn-customer-revoke = 🔄 Revoke link
adm-btn-customer-search = 🔎 Another customer
adm-confirm-ban = Ban customer { $id }? The bot stops serving them and their VPN access is disabled.
adm-confirm-trial = Reset the trial of customer { $id }? They will be able to take the free trial again.
adm-confirm-revoke = Revoke the subscription link of customer { $id }? Their current link stops working at once.
adm-done-ban = The customer is banned.
adm-done-unban = The customer is unbanned.
adm-done-trial = The trial is reset.
adm-done-revoke = The link is revoked; the customer finds the new one under "My subscription".
adm-days-ask = How many days to add for customer { $id }? Send a number from 1 to { $max }.
adm-days-bad = That's not a number of days. Send a whole number from 1 to { $max }.
adm-days-done = Added { days-count }. Access is now valid until { $date }.
adm-message-ask = Send the message for customer { $id }. It is delivered as it is.
adm-message-sent = The message is on its way.

## Plans

adm-plans = 📦 Plans: { $count }. Tap one to edit it.
adm-btn-plan-new = ➕ New plan
adm-plan =
    📦 { $name } ({ $id })
    Visibility: { $visibility }
    Traffic: { $traffic } GB · Devices: { $devices } · Squads: { $squads }
    Durations and prices:
    { $durations }
adm-plan-duration = • { days-count }: { $prices }
adm-plan-no-durations = • none yet
adm-btn-plan-name = ✏️ Name
adm-btn-plan-durations = 💰 Durations and prices
adm-btn-plan-traffic = 📶 Traffic
adm-btn-plan-devices = 📱 Devices
adm-btn-plan-squads = 🧩 Squads
adm-visibility-everyone = everyone
adm-visibility-new_customers = new customers
adm-visibility-existing_customers = paying customers
adm-visibility-hidden = hidden
adm-plan-ask-name = Send the plan's name (up to 64 characters). A new plan starts hidden.
adm-plan-ask-durations =
    Send the durations and prices, one duration a line: days, then currency and price pairs.
    Example:
    30 RUB 199 XTR 150
    90 RUB 499
adm-plan-ask-traffic = Send the traffic limit in GB (0 = unlimited).
adm-plan-ask-devices = Send the device limit (0 = unlimited).
adm-plan-squads = 🧩 Squads of { $name }: tap to include or exclude. The panel has { $count }.

## Promo codes

adm-promo = 🏷 Promo codes.
adm-btn-promo-create = ➕ Create one
adm-btn-promo-generate = 🎲 Generate many
adm-btn-promo-list = 📋 List
adm-btn-promo-disable = ⛔ Disable
adm-btn-promo-export = 📤 Export CSV
adm-promo-ask-kind = What does the code give?
adm-promo-kind-bonus_days = 🎁 Bonus days
adm-promo-kind-discount_percent = 🏷 Discount, %
adm-promo-ask-code =
    Send: CODE VALUE [MAX_ACTIVATIONS]
    VALUE is days or a percent. Example: SPRING 7 100
adm-promo-ask-batch =
    Send: PREFIX COUNT VALUE [MAX_ACTIVATIONS_EACH] (up to { $max } codes, each single-use unless you say otherwise).
    Example: BLOG 50 10
adm-promo-ask-disable = Send the code to disable.
adm-promo-bad-format = That doesn't match the format. Check the example and send it again.
adm-promo-created = The code { $code } is created.
adm-promo-generated = Generated { $count } codes.
adm-promo-list = 🏷 Codes: { $count } (the newest { $shown } below).
adm-promo-line = { $code }: { $value }, used { $used }/{ $limit }, { $state }
adm-promo-value-bonus_days = { days-count }
adm-promo-value-discount_percent = { $value }% off
adm-promo-active = active
adm-promo-disabled = disabled
adm-promo-disabled-done = The code { $code } is disabled.
adm-promo-export = All promo codes as CSV.

## Ad campaigns

adm-campaigns = 📣 Ad campaigns: { $count }.
adm-campaign =
    { $name }: { $starts } starts, { $trials } trials, { $purchases } purchases, revenue { $revenue }
    { $link }
adm-btn-campaign-new = ➕ New campaign
adm-campaign-ask = Send: CODE Name. The code goes into the link (letters, digits, _ and -, up to 48).
adm-campaign-bad-format = That doesn't match: send a code (letters, digits, _ and -) and then a name.
adm-campaign-created =
    The campaign { $name } is created. Its link to share:
    { $link }

## Refused admin actions

adm-error-customer_not_found = No such customer. Check the id or @username.
adm-error-subscription_not_found = This customer has no subscription on the panel yet.
adm-error-invalid_plan = That doesn't fit a plan. Check the format and try again.
adm-error-invalid_money = That price isn't valid: use a supported currency code and a positive amount.
adm-error-plan_not_available = That plan doesn't exist any more.
adm-error-invalid_promo_code = That code can't be created: it may exist already or its values are out of range.
adm-error-promo_code_not_found = There's no such promo code.
adm-error-invalid_campaign = That campaign can't be created: its code may be taken already.
adm-error-empty_message = The message is empty or too long (up to 3500 characters).
adm-error-vpn_panel_error = The panel didn't answer. Try again in a minute.

## Admin log chat

adm-log-customer = 🆕 New customer { $id } ({ $username })
adm-log-customer-referred = 🆕 New customer { $id } ({ $username }), invited by { $inviter }
adm-log-customer-campaign = 🆕 New customer { $id } ({ $username }) from a campaign
adm-log-trial = 🎁 Customer { $id } started a trial until { $date }
adm-log-payment = 💳 Payment { $amount } via { $provider } from customer { $id }: { days-count } of { $plan }, access until { $date }
adm-log-payment-held = ⚠️ Payment from customer { $id } via { $provider } held for review: expected { $expected }, received { $received }
adm-log-refund = ↩️ Refund { $amount } to customer { $id }
adm-log-provisioning-failed = ❗ Access for customer { $id } couldn't be pushed to the panel after { $attempts } attempts ({ $code })
adm-log-alert-panel-circuit-open = 🚨 The panel has been unreachable for { $value } s (circuit open). Purchases wait in the outbox until it answers.
adm-log-alert-outbox-backlog = 🚨 { $value } panel pushes are waiting in the provisioning outbox (alert at { $threshold }). Check the panel and the job worker.
adm-log-alert-webhook-rejections = 🚨 { $value } webhooks from { $subject } were rejected recently (alert at { $threshold }): a misconfigured secret or forged requests.
adm-log-error = ❗ An update failed with { $error } (update { $update }). The details are in the logs.
