## Сообщения, которые магазин отправляет сам (src/shop_entrypoints/notifications). HTML.

notify-subscription-ready =
    🔑 Доступ готов и действует до { $date }.
    Ваша ссылка для подключения:
    { $url }
notify-payment-ready =
    ✅ Оплата { $amount } получена: добавлено { days-count }, подписка действует до { $date }.
    Ваша ссылка для подключения:
    { $url }
notify-payment-held = ⏳ Мы получили { $received } вместо { $expected }. Платёж отправлен на ручную проверку, поддержка свяжется с вами.
notify-payment-refunded = ↩️ Вам возвращено { $amount }.
notify-referral-bonus = 👥 Приглашённый вами друг присоединился: к подписке добавлено { days-count }.
notify-expiring = ⏰ Подписка заканчивается { $date }. Продлите её, чтобы оставаться на связи.
notify-expired = ⛔ Подписка закончилась { $date }. Продлите её, чтобы снова подключиться.
notify-traffic-limit = 📶 Трафик подписки израсходован. Продлите подписку или дождитесь сброса.
notify-provisioning-delayed = ⚙️ Настройка доступа занимает больше времени, чем обычно. Мы продолжаем попытки, ничего не потеряно.
notify-operator-message =
    💬 Сообщение от поддержки:
    { $text }
btn-notify-renew = 💳 Продлить
btn-notify-subscription = 🔑 Моя подписка

admin-broadcast-progress =
    📣 Рассылка { $broadcast }: обработано { $done } из { $total } (отправлено { $sent }, заблокировали бота { $blocked }, ошибок { $failed })…
admin-broadcast-finished =
    📣 Рассылка { $broadcast } { $cancelled ->
        [yes] отменена
       *[no] завершена
    }: отправлено { $sent } из { $total }, заблокировали бота { $blocked }, ошибок { $failed }, без подтверждения { $unconfirmed }.
