"""The participants of one event record, for the role and participant tests."""

from __future__ import annotations

import reportedly


def event_args(
    text: str, trigger: str, published: str | None = None
) -> tuple[list[str], list[str]]:
    """(actors, recipients) of the event whose trigger is ``trigger``: the name
    of the actor each resolved to, else the participant as written."""
    an = reportedly.analyze(text, raw=True, published=published)
    names = {a.id: a.name for a in an.actors}
    ev = next(e for e in an.events if e.trigger.text == trigger)

    def shown(arg):
        return names.get(arg.actor_id, arg.span.text)

    return [shown(a) for a in ev.actors], [shown(r) for r in ev.recipients]
