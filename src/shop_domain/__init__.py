"""The shop's domain: pure Python, standard library only.

`model` holds entities, value objects and rules; `ports` the protocols adapters implement;
`services` the use cases, grouped as the roadmap splits the old subscription service
(`core`, `billing`, `notification`).
"""
