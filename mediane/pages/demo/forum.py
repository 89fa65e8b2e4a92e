"""Writing a demo theme as its participants did: each contribution on its day of the theme's opening period, then
the supports and the comments it received in the hours that followed, each under the demo's clock (`clock.py`).

Every write goes through the forum's services, which check that the theme is open at that moment, as they would for
a person.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mediane.accounts.models import User
from mediane.consultation import services, services_moderation
from mediane.consultation.enums import ModerationReason
from mediane.consultation.models import Contribution, Theme
from mediane.pages.demo import clock
from mediane.pages.demo.consultation import PARIS

# (theme number, kind, persona key, title, body)
Row = tuple[int, str, str, str, str]
# (theme number, kind, category, postal code, channel, title, body)
AssistedRow = tuple[int, str, str, str, str, str, str]
# (contribution title, persona key, body, replies as [(persona key, body)])
CommentRow = tuple[str, str, str, list[tuple[str, str]]]


@dataclass
class Window:
    """The part of a theme's opening period in which its contributions are written."""

    start: dt.datetime
    end: dt.datetime

    def moments(self, count: int, rng: random.Random) -> list[dt.datetime]:
        """`count` moments spread from start to end, in order, each at a plausible hour of its day."""
        step = (self.end - self.start) / max(count, 1)
        spread = [self.start + step * index + dt.timedelta(minutes=rng.randint(0, 180)) for index in range(count)]
        return sorted(min(_daytime(moment), self.end) for moment in spread)

    def later(self, moment: dt.datetime, hours: int) -> dt.datetime:
        """`hours` after `moment`, but still inside the window (supports and comments come before the closing)."""
        return min(moment + dt.timedelta(hours=hours), self.end)


def _daytime(moment: dt.datetime) -> dt.datetime:
    """The same day, between 8 h and 21 h in Paris: people write in the day, mediators record at opening hours."""
    local = moment.astimezone(PARIS)
    return local.replace(hour=8 + local.hour * 13 // 24)


class ThemeWriter:
    """Writes the contributions, supports and comments of one theme within `window`."""

    def __init__(
        self,
        theme: Theme,
        window: Window,
        people: dict[str, User],
        rng: random.Random,
        progress: Callable[[int, int], None] | None = None,
    ):
        self.theme = theme
        self.window = window
        self.people = people
        self.rng = rng
        self.progress = progress
        self.written: dict[str, tuple[Contribution, dt.datetime]] = {}

    def contributions(self, rows: Sequence[Row], assisted: Sequence[AssistedRow], mediator: User) -> None:
        """Publish `rows` and record `assisted` (a mediator for people without an account), interleaved in time."""
        entries: list[Row | AssistedRow] = [*rows]
        for position, row in enumerate(assisted):  # the mediator's visits fall between the others
            entries.insert(min(len(entries), (position + 1) * max(len(rows) // (len(assisted) + 1), 1)), row)
        for index, (entry, moment) in enumerate(zip(entries, self.window.moments(len(entries), self.rng), strict=True)):
            with clock.at(moment):
                if len(entry) == 5:
                    _, kind, author, title, body = entry
                    draft = services.ContributionDraft(kind=kind, title=title, body=body)
                    contribution = services.publish_contribution(self.people[author], self.theme, draft)
                else:
                    _, kind, category, postal_code, channel, title, body = entry
                    person = services.AssistedPerson(
                        category=category, postal_code=postal_code, consent=True, channel=channel
                    )
                    draft = services.ContributionDraft(kind=kind, title=title, body=body)
                    contribution = services.record_assisted_contribution(mediator, self.theme, draft, person)
            self.written[title] = (contribution, moment)
            if self.progress and (index + 1) % 50 == 0:
                self.progress(index + 1, len(entries))

    def hide(self, title: str, moderator: User, note: str) -> None:
        """A moderator hides a published contribution a few hours after it was written."""
        contribution, moment = self.written.pop(title)
        with clock.at(self.window.later(moment, 5)):
            services_moderation.hide_contribution(moderator, contribution, ModerationReason.ABUSIVE, note)

    def supports(self, wanted: Callable[[Contribution], int], supporters: Sequence[User]) -> int:
        """Each contribution gets `wanted(contribution)` supports, from people other than its author, over days."""
        count = 0
        for contribution, moment in self.written.values():
            candidates = [user for user in supporters if user.pk != contribution.author_id]
            for user in self.rng.sample(candidates, min(wanted(contribution), len(candidates))):
                with clock.at(self.window.later(moment, self.rng.randint(1, 96))):
                    count += services.support_contribution(user, contribution)
        return count

    def named_supports(self, supports: dict[str, list[str]]) -> int:
        count = 0
        for title, keys in supports.items():
            contribution, moment = self.written[title]
            for key in keys:
                with clock.at(self.window.later(moment, self.rng.randint(1, 48))):
                    count += services.support_contribution(self.people[key], contribution)
        return count

    def comments(self, rows: Sequence[CommentRow]) -> int:
        """Each thread a few hours after its contribution, each reply a few hours after the message before."""
        count = 0
        for title, author, body, replies in rows:
            if title not in self.written:
                continue  # a comment of another theme
            contribution, moment = self.written[title]
            moment = self.window.later(moment, self.rng.randint(2, 48))
            with clock.at(moment):
                comment = services.add_comment(self.people[author], contribution, body)
            count += 1
            for reply_author, reply in replies:
                moment = self.window.later(moment, self.rng.randint(2, 24))
                with clock.at(moment):
                    services.add_comment(self.people[reply_author], contribution, reply, parent=comment)
                count += 1
        return count
