# Remnawave Shop: экраны рассылки для администратора (итоговый отчёт — в notifications.ftl).

adm-bc-ask =
    ✉️ Новая рассылка. Пришлите сообщение так, как его должны увидеть клиенты: текст или фото/видео с подписью.
    Чтобы добавить кнопки, закончите сообщение строками вида:
    Открыть сайт | https://example.com
adm-bc-unusable = Пришлите текст, фото или видео (можно с подписью) или нажмите « Меню администратора.
adm-bc-audience-ask = Кому отправить?
adm-bc-audience-everyone = 👥 Всем
adm-bc-audience-active = ✅ С активной подпиской
adm-bc-audience-expired = ⌛ С истёкшей подпиской
adm-bc-audience-trial = 🎁 Только на пробном периоде
adm-bc-audience-never_paid = 🆓 Ни разу не платившим
adm-bc-audience-language-ru = 🇷🇺 Русскоязычным
adm-bc-audience-language-en = 🇬🇧 Англоязычным
adm-bc-preview =
    ☝️ Так будет выглядеть сообщение.
    Аудитория: { $audience } — сейчас { $count } клиентов (заблокированные и те, кто остановил бота, не получат).
    Отправить?
adm-bc-btn-send = 🚀 Отправить
adm-bc-btn-cancel = ✖️ Отменить
adm-bc-btn-stop = ⏹ Остановить рассылку
adm-bc-expired = Этого черновика больше нет. Начните новую рассылку из админ-меню.
adm-bc-cancelled = Рассылка отменена. Больше никто её не получит.
adm-bc-status-draft = черновик
adm-bc-status-sending = идёт отправка…
adm-bc-status-completed = завершена
adm-bc-status-cancelled = отменена
adm-bc-progress =
    ✉️ Рассылка: { $status }
    Обработано { $done } из { $total }
    Доставлено: { $sent }
    Остановили бота: { $blocked }
    Ошибки: { $failed }
    Не подтверждено (воркер остановился во время отправки): { $unconfirmed }
    В очереди: { $waiting }
adm-error-invalid_broadcast = Это нельзя разослать: проверьте длину текста (4096 символов, под фото или видео 1024), кнопки (до 8, ссылки начинаются с https://) и попробуйте ещё раз.
adm-error-broadcast_not_found = Этой рассылки больше нет.
adm-error-broadcast_state = Эта рассылка уже отправлена или отменена.
