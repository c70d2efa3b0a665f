# Remnawave Shop: тексты бота на русском.
# Операторы переопределяют отдельные сообщения в файле ru.ftl каталога переопределений.

# { days-count } renders $days with the plural form the language needs.
days-count = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}

## Общее

btn-back = « Назад
btn-menu = « Главное меню
btn-cancel = Отмена
stale-button = Эта кнопка устарела. Откройте меню заново: /start
not-yours = Эта кнопка не для вас.
private-only = Это работает только в личном чате с ботом.
throttled = Слишком много запросов. Подождите немного и попробуйте снова.
banned = Доступ к боту ограничен. Если это ошибка, напишите в поддержку.
unknown-message = Не совсем понял. Откройте меню: /start

## Старт

welcome-new =
    Привет, { $name }! 👋
    Здесь можно подключить быстрый и надёжный VPN: попробовать бесплатно, оформить подписку и управлять ею прямо в Telegram.
welcome-back = С возвращением, { $name }! Чем могу помочь?
start-promo-bonus = 🎁 Промокод из ссылки применён: +{ days-count } к подписке.
start-promo-discount = 🏷 Промокод из ссылки применён: скидка { $percent }% на покупку до { $until }.
start-promo-failed = ⚠️ Промокод из ссылки не сработал. { $reason }

terms-required = Прежде чем начать, пожалуйста, ознакомьтесь с условиями использования сервиса и подтвердите согласие.
btn-terms-read = 📄 Читать условия
btn-terms-accept = ✅ Принимаю условия
terms-accepted = Спасибо! Условия приняты.

channel-required = Чтобы пользоваться ботом, подпишитесь на наш канал: там новости и статус серверов. Затем нажмите «Я подписался».
btn-channel-join = 📢 Перейти в канал
btn-channel-check = ✅ Я подписался
channel-not-joined = Пока не видим вашей подписки. Подпишитесь на канал и нажмите кнопку ещё раз.

## Главное меню

menu-title = Главное меню. Что вас интересует?
btn-trial = 🎁 Попробовать бесплатно ({ days-count })
btn-buy = 💳 Купить или продлить
btn-my-subscription = 🔑 Моя подписка
btn-promo = 🏷 Промокод
btn-referral = 👥 Пригласить друзей
btn-language = 🌐 Язык / Language
btn-support = 💬 Поддержка
btn-terms = 📄 Условия
btn-status = 📶 Статус серверов

## Пробный период

trial-started =
    🎉 Пробный период активирован! Доступ действует до { $date }.
    Ваша ссылка для подключения:
    { $url }
    Добавьте её в VPN-приложение. Инструкции есть в разделе «Моя подписка».
trial-pending = 🎉 Пробный период активирован до { $date }! Подключаем доступ: ссылка придёт отдельным сообщением в течение пары минут.

## Каталог и оплата

catalog-title = Выберите тариф:
catalog-empty = Сейчас нет тарифов для покупки. Загляните чуть позже или напишите в поддержку.
plan-header = 📦 Тариф «{ $name }»
plan-traffic = Трафик: { $gb } ГБ
plan-traffic-unlimited = Трафик: без ограничений
plan-devices = Устройств: до { $count }
plan-choose-duration = Выберите срок подписки:
duration-button = { days-count } · { $price }
duration-button-discount = { days-count } · { $price } (−{ $percent }%)
methods-title =
    { $plan }, { days-count }
    Выберите способ оплаты:
methods-discount-note = Скидка по промокоду { $percent }% уже учтена в цене.
methods-empty = Для этого тарифа сейчас нет доступных способов оплаты. Попробуйте позже или напишите в поддержку.
method-button = { $provider } · { $price }
provider-yookassa = 💳 Карта или СБП
provider-stars = ⭐ Telegram Stars
provider-cryptopay = 🪙 Криптовалюта
checkout-ready =
    🧾 Заказ: { $plan }, { days-count }
    К оплате: { $price }
    Нажмите «Оплатить», чтобы перейти к оплате. Подписка активируется автоматически сразу после платежа.
btn-pay = 💳 Оплатить { $price }
invoice-title = { $plan }, { days-count }
invoice-description = Подписка на VPN «{ $plan }» на { days-count }. Доступ откроется сразу после оплаты.
invoice-sent = Счёт отправлен ниже 👇
pre-checkout-unknown-order = Этот счёт не ваш или больше не существует. Откройте каталог и выберите тариф заново.
pre-checkout-not-payable = Этот счёт уже оплачен или закрыт. Звёзды не списаны.
pre-checkout-expired = Срок действия счёта истёк. Откройте каталог и выберите тариф заново; звёзды не списаны.
pre-checkout-amount-mismatch = Цена этого счёта изменилась. Выберите тариф заново; звёзды не списаны.
pre-checkout-unavailable = Сейчас не получается принять оплату. Попробуйте через минуту; звёзды не списаны.

## Моя подписка

sub-none = У вас пока нет подписки. Оформите её или попробуйте бесплатно.
sub-overview =
    🔑 Ваша подписка
    Статус: { $status }
    Действует до: { $date } (осталось { days-count })
status-active = ✅ активна
status-trial = 🎁 пробный период
status-expired = ⌛ истекла
status-disabled = ⛔ отключена
status-limited = ⚠️ трафик исчерпан
sub-traffic = Трафик: { $used } из { $limit } ГБ
sub-traffic-unlimited = Трафик: { $used } ГБ (без ограничений)
sub-traffic-limit = Лимит трафика: { $limit } ГБ
sub-devices = Устройств: до { $count }
sub-devices-connected = Устройства: подключено { $count } из { $limit }
sub-devices-connected-unlimited = Подключено устройств: { $count }
sub-link =
    Ссылка для подключения:
    { $url }
sub-link-pending = Ссылка появится, как только доступ будет подключён.
sub-panel-down = ⚠️ Сервер подписок сейчас недоступен, поэтому показаны сохранённые данные. Расход трафика обновится позже.
btn-qr = 📷 QR-код
btn-guides = 📖 Как подключиться
btn-revoke = 🔄 Новая ссылка
btn-devices = 📱 Устройства
btn-renew = 💳 Продлить
qr-caption = Отсканируйте QR-код в VPN-приложении, чтобы добавить подписку.
guides-title = Выберите своё устройство: откроется пошаговая инструкция.
guides-empty = Инструкции пока не добавлены. Если нужна помощь, напишите в поддержку.
guide-android = 🤖 Android
guide-ios = 🍏 iPhone и iPad
guide-windows = 🪟 Windows
guide-macos = 💻 macOS
guide-linux = 🐧 Linux
guide-tv = 📺 Smart TV
revoke-confirm = Выпустить новую ссылку? Старая сразу перестанет работать, и подписку придётся заново добавить на всех устройствах.
btn-revoke-confirm = 🔄 Да, выпустить новую
revoke-done =
    ✅ Готово! Новая ссылка для подключения:
    { $url }
    Добавьте её заново на своих устройствах.
devices-title = 📱 Подключённые устройства: { $count } из { $limit }
devices-title-unlimited = 📱 Подключённые устройства: { $count }
devices-empty = Пока ни одно устройство не подключено.
devices-hint = Нажмите на устройство, чтобы отключить его и освободить место.
device-disconnected = Устройство «{ $name }» отключено.
device-unknown = Неизвестное устройство
btn-device = ✖ { $name }

## Промокоды

promo-ask = Отправьте промокод одним сообщением.
promo-bad-format = Промокод состоит из латинских букв и цифр, без пробелов. Попробуйте ещё раз или нажмите «Отмена».
promo-bonus-applied = 🎁 Промокод применён: +{ days-count }. Подписка действует до { $date }.
promo-discount-applied = 🏷 Скидка { $percent }% ваша! Она закреплена за вами до { $until }: оформите покупку, и скидка применится автоматически.
promo-cancelled = Ввод промокода отменён.

## Рефералы

referral-info =
    👥 Приглашайте друзей и получайте бонусные дни за их покупки.
    Ваша ссылка:
    { $link }
    Приглашено друзей: { $invited }
    Получено бонусов: { days-count }
btn-share = 📤 Поделиться
inline-share-title = Приглашение в VPN
inline-share-description = Отправьте другу свою пригласительную ссылку
inline-share-text = Пользуюсь этим VPN: быстро и без заморочек. Подключайся по моей ссылке: { $link }
btn-inline-open = 🚀 Подключить VPN

## Язык

language-title = Выберите язык / Choose your language
language-changed = Готово, теперь говорим по-русски.
language-name-ru = 🇷🇺 Русский
language-name-en = 🇬🇧 English

## Ошибки

error-generic = 😔 Что-то пошло не так. Мы уже разбираемся, попробуйте чуть позже.
error-customer_not_found = Не нашли ваш профиль. Нажмите /start, чтобы начать заново.
error-customer_banned = Доступ к боту ограничен. Если это ошибка, напишите в поддержку.
error-terms_not_accepted = Сначала примите условия использования: /start
error-plan_not_available = Этот тариф больше недоступен. Откройте каталог заново.
error-price_not_available = Этот вариант больше недоступен. Выберите другой.
error-subscription_not_found = У вас пока нет подписки.
error-trial_not_available = Пробный период сейчас недоступен.
error-trial_already_used = Вы уже использовали пробный период. Оформите подписку, чтобы продолжить.
error-invalid_promo_code = Промокод указан неверно.
error-promo_code_not_found = Такого промокода нет. Проверьте написание и попробуйте ещё раз.
error-promo_code_expired = Срок действия этого промокода истёк.
error-promo_code_exhausted = Этот промокод уже активировали максимальное число раз.
error-promo_code_already_used = Вы уже активировали этот промокод.
error-promo_code_not_applicable = Этот промокод не подходит для вашего аккаунта.
error-payment_method_not_available = Этот способ оплаты сейчас недоступен. Выберите другой.
error-payment_not_found = Мы получили оплату, но не смогли сопоставить её с заказом. Команда уже знает и зачислит или вернёт её; платить повторно не нужно.
error-checkout_in_progress = Уже создаём счёт, секунду…
error-payment_provider_error = Платёжный сервис не отвечает. Попробуйте через минуту или выберите другой способ оплаты.
error-vpn_panel_error = Сервер подписок временно недоступен. Попробуйте через пару минут.
error-storage_error = Не удалось сохранить данные. Попробуйте ещё раз.
