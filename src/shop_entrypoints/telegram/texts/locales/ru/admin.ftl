# Remnawave Shop: русские тексты админ-бота.

## Меню

adm-menu-title = 🛠 Меню администратора. Выберите раздел.
adm-btn-stats = 📊 Статистика
adm-btn-customers = 👤 Клиенты
adm-btn-plans = 📦 Тарифы
adm-btn-promo = 🏷 Промокоды
adm-btn-campaigns = 📣 Рекламные кампании
adm-btn-broadcast = ✉️ Рассылка
adm-btn-home = « Меню администратора
adm-btn-back = « Назад
adm-btn-refresh = 🔄 Обновить
adm-btn-confirm = ✅ Да, выполнить
adm-saved = Сохранено.
adm-text-expected = Пришлите ответ текстом или нажмите «Отмена».
adm-number-bad = Пришлите целое число от 0 до { $max }.

## Статистика

adm-stats =
    📊 Статистика
    Клиентов: { $customers } (+{ $new_today } сегодня)
    Активных подписок: { $active }
    Активных пробных: { $trials }
    Выручка сегодня: { $today }
    Выручка за 7 дней: { $week }
    Выручка за 30 дней: { $month }
adm-stats-panel = 🖥 Панель { $version }: пользователей { $users }, онлайн { $online }, нод онлайн { $nodes }
adm-stats-panel-down = ⚠️ Панель не ответила, её цифр нет. Остальное актуально.

## Клиенты

adm-customer-ask = Пришлите Telegram id клиента или @username.
adm-customer-bad-query = Слишком длинно для Telegram id или имени пользователя. Попробуйте ещё раз.
adm-card =
    👤 Клиент { $id } ({ $username })
    Имя: { $name } · Язык: { $language }
    С нами с { $joined }
    Отметки: { $flags }
adm-flag-banned = 🚫 заблокирован
adm-flag-blocked-bot = 🔕 заблокировал бота
adm-flag-paid = 💳 платил
adm-flag-trial-used = 🎁 пробный использован
adm-flag-none = нет
adm-kind-trial = Пробный доступ
adm-kind-paid = Подписка
adm-card-subscription = 🔑 { $kind } до { $date } ({ $status }), трафик { $traffic } ГБ, устройств { $devices }
adm-card-no-subscription = 🔑 Подписки нет
adm-card-payments = 💳 Последние платежи ({ $count }):
adm-card-payment = • { $date } { $amount } через { $provider }: { $status }
adm-card-no-payments = 💳 Платежей нет
adm-card-referrals = 👥 Приглашено: { $count }, бонусных дней получено: { $days }
adm-sub-status-active = активна
adm-sub-status-expired = истекла
adm-sub-status-disabled = отключена
adm-sub-status-limited = исчерпан трафик
adm-pay-status-pending = ожидает оплаты
adm-pay-status-paid = оплачен
adm-pay-status-provisioned = оплачен, доступ выдан
adm-pay-status-failed = не прошёл
adm-pay-status-expired = истёк
adm-pay-status-held = на проверке
adm-pay-status-refunded = возвращён
adm-ban-admin-refused = Администратора здесь заблокировать нельзя: сначала уберите его из SHOP_TELEGRAM__ADMIN_IDS.
adm-btn-customer-days = ➕ Добавить дни
adm-btn-customer-ban = 🚫 Заблокировать
adm-btn-customer-unban = ✅ Разблокировать
adm-btn-customer-msg = ✉️ Написать
adm-btn-customer-trial = 🎁 Сбросить пробный
adm-btn-customer-revoke = 🔄 Отозвать ссылку
adm-btn-customer-search = 🔎 Другой клиент
adm-confirm-ban = Заблокировать клиента { $id }? Бот перестанет его обслуживать, доступ к VPN будет отключён.
adm-confirm-trial = Сбросить пробный период клиента { $id }? Он сможет взять пробный доступ ещё раз.
adm-confirm-revoke = Отозвать ссылку подписки клиента { $id }? Текущая ссылка сразу перестанет работать.
adm-done-ban = Клиент заблокирован.
adm-done-unban = Клиент разблокирован.
adm-done-trial = Пробный период сброшен.
adm-done-revoke = Ссылка отозвана; новая есть у клиента в разделе «Моя подписка».
adm-days-ask = Сколько дней добавить клиенту { $id }? Пришлите число от 1 до { $max }.
adm-days-bad = Это не количество дней. Пришлите целое число от 1 до { $max }.
adm-days-done = Добавлено: { days-count }. Доступ действует до { $date }.
adm-message-ask = Пришлите сообщение для клиента { $id }. Оно будет доставлено как есть.
adm-message-sent = Сообщение отправлено.

## Тарифы

adm-plans = 📦 Тарифов: { $count }. Нажмите на тариф, чтобы изменить его.
adm-btn-plan-new = ➕ Новый тариф
adm-plan =
    📦 { $name } ({ $id })
    Видимость: { $visibility }
    Трафик: { $traffic } ГБ · Устройств: { $devices } · Сквадов: { $squads }
    Сроки и цены:
    { $durations }
adm-plan-duration = • { days-count }: { $prices }
adm-plan-no-durations = • пока нет
adm-btn-plan-name = ✏️ Название
adm-btn-plan-durations = 💰 Сроки и цены
adm-btn-plan-traffic = 📶 Трафик
adm-btn-plan-devices = 📱 Устройства
adm-btn-plan-squads = 🧩 Сквады
adm-visibility-everyone = всем
adm-visibility-new_customers = новым клиентам
adm-visibility-existing_customers = платившим клиентам
adm-visibility-hidden = скрыт
adm-plan-ask-name = Пришлите название тарифа (до 64 символов). Новый тариф создаётся скрытым.
adm-plan-ask-durations =
    Пришлите сроки и цены, по одному сроку в строке: дни, затем пары «валюта цена».
    Пример:
    30 RUB 199 XTR 150
    90 RUB 499
adm-plan-ask-traffic = Пришлите лимит трафика в ГБ (0 — без ограничений).
adm-plan-ask-devices = Пришлите лимит устройств (0 — без ограничений).
adm-plan-squads = 🧩 Сквады тарифа { $name }: нажмите, чтобы включить или исключить. В панели их { $count }.

## Промокоды

adm-promo = 🏷 Промокоды.
adm-btn-promo-create = ➕ Создать один
adm-btn-promo-generate = 🎲 Сгенерировать много
adm-btn-promo-list = 📋 Список
adm-btn-promo-disable = ⛔ Отключить
adm-btn-promo-export = 📤 Выгрузить CSV
adm-promo-ask-kind = Что даёт промокод?
adm-promo-kind-bonus_days = 🎁 Бонусные дни
adm-promo-kind-discount_percent = 🏷 Скидку, %
adm-promo-ask-code =
    Пришлите: КОД ЗНАЧЕНИЕ [МАКС_АКТИВАЦИЙ]
    ЗНАЧЕНИЕ — дни или процент. Пример: SPRING 7 100
adm-promo-ask-batch =
    Пришлите: ПРЕФИКС КОЛИЧЕСТВО ЗНАЧЕНИЕ [МАКС_АКТИВАЦИЙ_КАЖДОГО] (до { $max } кодов, каждый одноразовый, если не указано иное).
    Пример: BLOG 50 10
adm-promo-ask-disable = Пришлите код, который нужно отключить.
adm-promo-bad-format = Не подходит под формат. Сверьтесь с примером и пришлите ещё раз.
adm-promo-created = Промокод { $code } создан.
adm-promo-generated = Сгенерировано кодов: { $count }.
adm-promo-list = 🏷 Промокодов: { $count } (ниже последние { $shown }).
adm-promo-line = { $code }: { $value }, использован { $used }/{ $limit }, { $state }
adm-promo-value-bonus_days = { days-count }
adm-promo-value-discount_percent = скидка { $value }%
adm-promo-active = активен
adm-promo-disabled = отключён
adm-promo-disabled-done = Промокод { $code } отключён.
adm-promo-export = Все промокоды в CSV.

## Рекламные кампании

adm-campaigns = 📣 Рекламных кампаний: { $count }.
adm-campaign =
    { $name }: запусков { $starts }, пробных { $trials }, покупок { $purchases }, выручка { $revenue }
    { $link }
adm-btn-campaign-new = ➕ Новая кампания
adm-campaign-ask = Пришлите: КОД Название. Код попадёт в ссылку (латиница, цифры, _ и -, до 48 символов).
adm-campaign-bad-format = Не подходит: пришлите код (латиница, цифры, _ и -), а затем название.
adm-campaign-created =
    Кампания { $name } создана. Ссылка для размещения:
    { $link }

## Отказы в действиях администратора

adm-error-customer_not_found = Такого клиента нет. Проверьте id или @username.
adm-error-subscription_not_found = У этого клиента ещё нет подписки в панели.
adm-error-invalid_plan = Это не подходит для тарифа. Проверьте формат и попробуйте ещё раз.
adm-error-invalid_money = Неверная цена: укажите поддерживаемую валюту и положительную сумму.
adm-error-plan_not_available = Этого тарифа больше нет.
adm-error-invalid_promo_code = Такой промокод создать нельзя: он уже есть или значения вне допустимых пределов.
adm-error-promo_code_not_found = Такого промокода нет.
adm-error-invalid_campaign = Такую кампанию создать нельзя: возможно, её код уже занят.
adm-error-empty_message = Сообщение пустое или слишком длинное (до 3500 символов).
adm-error-vpn_panel_error = Панель не ответила. Попробуйте через минуту.

## Лог-чат администраторов

adm-log-customer = 🆕 Новый клиент { $id } ({ $username })
adm-log-customer-referred = 🆕 Новый клиент { $id } ({ $username }), пригласил { $inviter }
adm-log-customer-campaign = 🆕 Новый клиент { $id } ({ $username }) из рекламной кампании
adm-log-trial = 🎁 Клиент { $id } начал пробный период до { $date }
adm-log-payment = 💳 Платёж { $amount } через { $provider } от клиента { $id }: { days-count } тарифа { $plan }, доступ до { $date }
adm-log-payment-held = ⚠️ Платёж клиента { $id } через { $provider } отложен на проверку: ожидалось { $expected }, получено { $received }
adm-log-refund = ↩️ Возврат { $amount } клиенту { $id }
adm-log-provisioning-failed = ❗ Доступ клиента { $id } не удалось передать в панель за { $attempts } попыток ({ $code })
adm-log-alert-panel-circuit-open = 🚨 Панель недоступна уже { $value } с (цепь разомкнута). Покупки ждут в очереди, пока она не ответит.
adm-log-alert-outbox-backlog = 🚨 В очереди выдачи доступа { $value } заданий для панели (порог { $threshold }). Проверьте панель и обработчик задач.
adm-log-alert-webhook-rejections = 🚨 Недавно отклонено { $value } вебхуков от { $subject } (порог { $threshold }): неверный секрет или поддельные запросы.
adm-log-error = ❗ Обновление завершилось ошибкой { $error } (update { $update }). Подробности в логах.
