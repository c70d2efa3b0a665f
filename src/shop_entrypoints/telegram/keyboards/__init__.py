"""Inline keyboards, built with aiogram's InlineKeyboardBuilder; texts come from Texts."""
