"""Hand committed outbox jobs to the workers right away; the outbox poller is the safety net."""

from __future__ import annotations

import logging

from shop_domain.errors import ShopError
from shop_domain.ports.job_queue import JobQueue

logger = logging.getLogger(__name__)

PROVISION_JOB = "provision_subscription"


class ProvisioningQueue:
    def __init__(self, job_queue: JobQueue) -> None:
        self._job_queue = job_queue

    async def submit(self, *job_ids: str) -> None:
        for job_id in job_ids:
            try:
                await self._job_queue.enqueue(PROVISION_JOB, {"job_id": job_id})
            except ShopError:
                # The job is committed in the outbox; the periodic poller will run it.
                logger.warning("provisioning_enqueue_failed", extra={"job_id": job_id})
