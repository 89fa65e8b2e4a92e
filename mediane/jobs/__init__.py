"""Background jobs, one mechanism for the whole platform: a job row that says where the work stands, a queue that runs
it (Celery in production, a thread of the web process in the embedded default, at once in tests), and the rules that
keep a job honest: claimed once, a sign of life every few seconds, progress, one automatic retry when the process
running it dies, then failure with a French message. Synthesis runs, meeting dossiers and imports of places use it,
and so does every later background job.

- `models.BackgroundJob`: the abstract model a job row inherits (status, stage, progress, attempts, heartbeat…).
- `runner`: claim, heartbeat, progress, finish, fail, and the recovery of dead jobs.
- `queue`: `start(job)` for a job row, `enqueue(task, *args)` for a plain task, `enqueue_email` and `without_emails()`
  for the tasks that send e-mail, and the thread-mode watchdog.
- `tasks`: the Celery tasks (`jobs.run`, `jobs.recover_dead`).
"""
