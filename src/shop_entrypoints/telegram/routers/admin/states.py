"""What the admin bot is waiting for when it asked an operator to type something.

The state's data names the object being edited (`customer_id`, `plan_id`, `promo_kind`).
"""

from __future__ import annotations

from aiogram import F
from aiogram.fsm.state import State, StatesGroup

#: Typed input, not a command: `/start` or `/admin` while a question is open still work.
TYPED = F.text & ~F.text.startswith("/")


class AdminCustomerStates(StatesGroup):
    waiting_for_query = State()
    waiting_for_days = State()
    waiting_for_message = State()


class AdminPlanStates(StatesGroup):
    waiting_for_name = State()
    waiting_for_durations = State()
    waiting_for_traffic = State()
    waiting_for_devices = State()


class AdminPromoStates(StatesGroup):
    waiting_for_code = State()
    waiting_for_batch = State()
    waiting_for_disable = State()


class AdminCampaignStates(StatesGroup):
    waiting_for_campaign = State()
