"""One router per feature; `dispatcher.py` includes them in order."""
