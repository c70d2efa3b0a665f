"""The ShopError tree. Every error has a stable `code` that logs and user texts key on."""

from __future__ import annotations

from typing import ClassVar


class ShopError(Exception):
    """Base of every error the domain raises or adapters translate into."""

    code: ClassVar[str] = "shop_error"


# --- values -------------------------------------------------------------------------------
class InvalidMoneyError(ShopError, ValueError):
    code = "invalid_money"


class CurrencyMismatchError(ShopError, ValueError):
    code = "currency_mismatch"


class InvalidPlanError(ShopError, ValueError):
    code = "invalid_plan"


class InvalidPromoCodeError(ShopError, ValueError):
    code = "invalid_promo_code"


class InvalidCampaignError(ShopError, ValueError):
    code = "invalid_campaign"


class EmptyMessageError(ShopError, ValueError):
    code = "empty_message"


# --- customers and catalogue --------------------------------------------------------------
class CustomerNotFoundError(ShopError):
    code = "customer_not_found"


class CustomerBannedError(ShopError):
    code = "customer_banned"


class TermsNotAcceptedError(ShopError):
    code = "terms_not_accepted"


class PlanNotAvailableError(ShopError):
    code = "plan_not_available"


class PriceNotAvailableError(ShopError):
    code = "price_not_available"


# --- subscriptions ------------------------------------------------------------------------
class SubscriptionNotFoundError(ShopError):
    code = "subscription_not_found"


class TrialNotAvailableError(ShopError):
    code = "trial_not_available"


class TrialAlreadyUsedError(TrialNotAvailableError):
    code = "trial_already_used"


# --- promo codes --------------------------------------------------------------------------
class PromoCodeNotFoundError(ShopError):
    code = "promo_code_not_found"


class PromoCodeExpiredError(ShopError):
    code = "promo_code_expired"


class PromoCodeExhaustedError(ShopError):
    code = "promo_code_exhausted"


class PromoCodeAlreadyUsedError(ShopError):
    code = "promo_code_already_used"


class PromoCodeNotApplicableError(ShopError):
    code = "promo_code_not_applicable"


# --- orders and payments ------------------------------------------------------------------
class OrderNotFoundError(ShopError):
    code = "order_not_found"


class OrderNotPayableError(ShopError):
    code = "order_not_payable"


class PaymentNotFoundError(ShopError):
    code = "payment_not_found"


class PaymentAlreadyProcessedError(ShopError):
    code = "payment_already_processed"


class PaymentAmountMismatchError(ShopError):
    code = "payment_amount_mismatch"


class InvalidPaymentTransitionError(ShopError):
    code = "invalid_payment_transition"


class PaymentMethodNotAvailableError(ShopError):
    code = "payment_method_not_available"


class CheckoutInProgressError(ShopError):
    """The same customer's previous checkout request is still being created (a double tap)."""

    code = "checkout_in_progress"


class RefundNotSupportedError(ShopError):
    code = "refund_not_supported"


# --- infrastructure errors callers may handle ---------------------------------------------
class InfrastructureError(ShopError):
    """An outside system failed; the operation may succeed when retried."""

    code = "infrastructure_error"


class StorageError(InfrastructureError):
    code = "storage_error"


class ConcurrentUpdateError(StorageError):
    """Another writer won a race (a unique key or a compare-and-set); retry or give up."""

    code = "concurrent_update"


class VpnPanelError(InfrastructureError):
    """The panel answered with an error; `panel_code` keeps the panel's own code for logs."""

    code = "vpn_panel_error"

    def __init__(self, message: str, *, panel_code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.panel_code = panel_code
        self.status = status


class VpnPanelUnavailableError(VpnPanelError):
    """The panel cannot be reached (transport error, 5xx after retries, open circuit)."""

    code = "vpn_panel_unavailable"


class VpnPanelUserNotFoundError(VpnPanelError):
    code = "vpn_panel_user_not_found"


class VpnPanelAuthError(VpnPanelError):
    """The panel refused the API token (401) or its scopes (403): an operator must act."""

    code = "vpn_panel_auth"


class VpnPanelConflictError(VpnPanelError):
    """The customer's deterministic panel username belongs to another Telegram account."""

    code = "vpn_panel_conflict"


class VpnPanelUnsupportedError(VpnPanelError):
    """The panel speaks an API version this shop cannot drive; start-up stops."""

    code = "vpn_panel_unsupported"


class PaymentProviderError(InfrastructureError):
    code = "payment_provider_error"


class NotificationUntrustedError(ShopError):
    """A provider notification failed verification (signature, source, shape)."""

    code = "notification_untrusted"


class NotificationMalformedError(NotificationUntrustedError):
    code = "notification_malformed"


class DeliveryBlockedError(ShopError):
    """The customer blocked the bot or deleted the chat."""

    code = "delivery_blocked"


# --- background jobs and broadcasts -------------------------------------------------------
class JobQueueUnavailableError(InfrastructureError):
    """The job engine (Redis) refused a job; anything recorded in the database is polled."""

    code = "job_queue_unavailable"


class InvalidBroadcastError(ShopError, ValueError):
    code = "invalid_broadcast"


class BroadcastNotFoundError(ShopError):
    code = "broadcast_not_found"


class BroadcastStateError(ShopError):
    """Confirming a sent broadcast, cancelling a finished one, and the like."""

    code = "broadcast_state"
