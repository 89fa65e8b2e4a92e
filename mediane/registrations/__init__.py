"""Registrations with a capacity and a waiting list: the one mechanism of the platform (events, training sessions).

- `models`: the abstract `Registrable` (capacity, open or closed, seats counted) and `Registration` (who, status,
  secret token, timestamps); a concrete registration declares `registrable = ForeignKey(<its registrable>,
  related_name="registrations")`.
- `services`: `register`, `confirm`, `leave`, `change_capacity`, under a row lock of the registrable.
- `tasks`: the e-mails, sent after commit through `mediane.jobs.queue.enqueue`.
- `views`: the pages behind the e-mails' links (confirm, leave), which an app wires with its own model.
"""
