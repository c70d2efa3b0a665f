# Remnawave Shop: the admin's broadcast screens, in English (the final report is in notifications.ftl).

adm-bc-ask =
    ✉️ New broadcast. Send the message as customers should see it: a text, or a photo or video with a caption.
    To add buttons, end it with lines like:
    Open the site | https://example.com
adm-bc-unusable = Send a text, a photo or a video (with a caption if you like), or tap « Admin menu.
adm-bc-audience-ask = Who should get it?
adm-bc-audience-everyone = 👥 Everyone
adm-bc-audience-active = ✅ Active subscription
adm-bc-audience-expired = ⌛ Expired
adm-bc-audience-trial = 🎁 Trial only
adm-bc-audience-never_paid = 🆓 Never paid
adm-bc-audience-language-ru = 🇷🇺 Russian speakers
adm-bc-audience-language-en = 🇬🇧 English speakers
adm-bc-preview =
    ☝️ This is the preview.
    Audience: { $audience } — { $count } customers right now (banned ones and those who blocked the bot are left out).
    Send it?
adm-bc-btn-send = 🚀 Send
adm-bc-btn-cancel = ✖️ Cancel
adm-bc-btn-stop = ⏹ Stop sending
adm-bc-expired = This draft is gone. Start a new broadcast from the admin menu.
adm-bc-cancelled = The broadcast is cancelled. Nobody else will get it.
adm-bc-status-draft = draft
adm-bc-status-sending = sending…
adm-bc-status-completed = finished
adm-bc-status-cancelled = cancelled
adm-bc-progress =
    ✉️ Broadcast: { $status }
    Done { $done } of { $total }
    Delivered: { $sent }
    Blocked the bot: { $blocked }
    Failed: { $failed }
    Unconfirmed (a worker stopped mid-send): { $unconfirmed }
    Waiting: { $waiting }
adm-error-invalid_broadcast = That can't be broadcast: check the text length (4096, or 1024 under a photo or video), the buttons (up to 8, links starting with https://) and try again.
adm-error-broadcast_not_found = That broadcast doesn't exist any more.
adm-error-broadcast_state = That broadcast was already sent or cancelled.
