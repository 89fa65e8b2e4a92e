"""The needs self-diagnostic: start page, one question per screen, the result, and the orientation slip.

Nothing is stored: the answers travel in the address (GET forms with hidden fields), are checked again at every
step (`diagnostic.clean`) and are forgotten once the page is sent. No session, no cookie, no row. With
`accompagne=1` a mediator answers for someone else, and the questions speak of « la personne ».
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mediane import pdf
from mediane.accounts.rules import is_mediator
from mediane.structures.communes import Commune

from . import diagnostic, reach, search
from .diagnostic import Answers, Filter, Recommendation
from .forms import CommuneLookup
from .forms_diagnostic import HandedByForm, QuestionForm
from .helpline import NATIONAL_HELPLINE

logger = logging.getLogger(__name__)

PLACES_SHOWN = 5
# Places that declared no service, shown apart after the others.
UNDECLARED_SHOWN = 3
# Places farther than this are kept only when nothing closer matches: a nearby place without a nice-to-have
# filter helps more than a perfect one two hours away.
NEARBY_KM = search.NEAR_KM
ASSISTED = "accompagne"
NAVIGATION = "aller"


@dataclass(frozen=True)
class ShownPlace:
    found: search.Found
    opening: search.Opening | None
    matching_supports: tuple[str, ...]
    matching_services: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """The places found for a recommendation, and what had to be dropped to find them."""

    places: list[ShownPlace]  # within FARTHER_KM, nearest first; `near` ones first
    dropped: tuple[Filter, ...]
    far: bool  # fewer than PLACES_SHOWN within NEARBY_KM, even with the required filters alone
    located: bool = True  # False: the commune's position is unknown, no distance is measured
    undeclared: list[ShownPlace] = field(default_factory=list)  # near places that declared no service
    remote: list[ShownPlace] = field(default_factory=list)  # help at a distance, when nothing is near

    @property
    def near(self) -> list[ShownPlace]:
        return [shown for shown in self.places if shown.found.near]

    @property
    def farther(self) -> list[ShownPlace]:
        return [shown for shown in self.places if not shown.found.near]

    @property
    def nothing_near(self) -> bool:
        return not self.near


def current_time() -> datetime:
    """Now, in Paris time: the slip's date; each place's status is then read in its own time zone."""
    return datetime.now(tz=ZoneInfo(search.PARIS))


def _answers(request) -> Answers:
    return diagnostic.clean(dict(request.GET.lists()))


def _is_assisted(request) -> bool:
    return request.GET.get(ASSISTED) == "1"


def _query(answers: Answers, assisted: bool, **extra: str) -> str:
    pairs = [(key, value) for key, values in answers.items() for value in values]
    if assisted:
        pairs.append((ASSISTED, "1"))
    pairs.extend((key, value) for key, value in extra.items() if value)
    return urlencode(pairs)


def _url(name: str, answers: Answers, assisted: bool, **extra: str) -> str:
    url = reverse(name)
    query = _query(answers, assisted, **extra)
    return f"{url}?{query}" if query else url


def _question_url(question: diagnostic.Question, answers: Answers, assisted: bool) -> str:
    query = _query(answers, assisted)
    url = reverse("diagnostic:question", args=[question.key])
    return f"{url}?{query}" if query else url


def _hidden_fields(answers: Answers, assisted: bool, *, without: str = "") -> list[tuple[str, str]]:
    fields = [(key, value) for key, values in answers.items() if key != without for value in values]
    if assisted:
        fields.append((ASSISTED, "1"))
    return fields


@require_GET
def start(request):
    """What the diagnostic does, in three sentences, and the way in (for a mediator, the assisted mode too)."""
    assisted = _is_assisted(request)
    first = diagnostic.QUESTIONS[0]
    context = {
        "assisted": assisted,
        "start_url": _question_url(first, {}, assisted),
        "assisted_url": _question_url(first, {}, True),
        "offer_assisted": not assisted and is_mediator(request.user),
        "question_count": len(diagnostic.questions_for({})),
    }
    return render(request, "orientation/diagnostic/start.html", context)


@require_GET
@never_cache
def question(request, key: str):
    """One question. « Suivant » checks the answer and moves on; « Précédent » moves back, keeping it."""
    asked = diagnostic.QUESTIONS_BY_KEY.get(key)
    if asked is None:
        raise Http404("Cette question n'existe pas.")
    assisted = _is_assisted(request)
    answers = _answers(request)
    if asked not in diagnostic.questions_for(answers):
        # The language question after « parle mal le français » was unticked: on to the next missing answer.
        missing = diagnostic.first_unanswered(answers)
        return redirect(
            _question_url(missing, answers, assisted) if missing else _url("diagnostic:result", answers, assisted)
        )
    before, after = diagnostic.neighbours(asked, answers)
    navigation = request.GET.get(NAVIGATION)
    if navigation == "precedent":
        if before is None:
            return redirect(_url("diagnostic:start", {}, assisted))
        return redirect(_question_url(before, answers, assisted))
    form = QuestionForm(asked, request.GET if navigation == "suivant" else None, assisted=assisted)
    if navigation == "suivant" and form.is_valid():
        answers = {**answers, **form.answers()}
        answers = diagnostic.clean(answers)
        after = diagnostic.neighbours(asked, answers)[1]
        if after is None:
            return redirect(_url("diagnostic:result", answers, assisted))
        return redirect(_question_url(after, answers, assisted))
    if navigation != "suivant" and asked.key in answers:
        value = answers[asked.key]
        form = QuestionForm(asked, initial={asked.key: list(value) if asked.multiple else value[0]}, assisted=assisted)
    number, total = diagnostic.position(asked, answers)
    title, hint = asked.wording(assisted)
    context = {
        "form": form,
        "field": form[asked.key],
        "question": asked,
        "title": title,
        "hint": hint,
        "number": number,
        "total": total,
        "next_title": after.wording(assisted)[0] if after else "",
        "hidden_fields": [
            (name, value)
            for name, value in _hidden_fields(answers, assisted, without=asked.key)
            if not (asked.free_text and name == diagnostic.INSEE)
        ],
        "assisted": assisted,
    }
    return render(request, "orientation/diagnostic/question.html", context)


def _find_places(commune: Commune, recommendation: Recommendation, now: datetime) -> Outcome:
    """The nearest places with every filter, or, when fewer than PLACES_SHOWN are near, with fewer nice-to-have
    filters (least important dropped first), then with the required filters alone up to FARTHER_KM (the farther
    ones labelled so). Apart: near places that declared no service, and, when none is near, help at a distance.

    Each step asks the in-memory index only; the places shown are loaded once, in one query.
    """
    required = diagnostic.criteria(recommendation.required)
    if search.position_of(commune) is None:
        remote = reach.remote_matches(commune, required)
        [remote_found] = search.load_groups(remote)
        return Outcome([], recommendation.nice_to_have, True, False, [], _shown(remote_found, recommendation, now))
    ranked: list[search.Match] = []
    dropped: tuple[Filter, ...] = recommendation.nice_to_have
    far = True
    for kept, dropped_here in recommendation.relaxations():
        ranked = search.nearest_matches(commune, **diagnostic.criteria(kept), limit=PLACES_SHOWN, max_km=NEARBY_KM)
        if len(ranked) >= PLACES_SHOWN:
            dropped, far = dropped_here, False
            break
    else:
        ranked = search.nearest_matches(commune, **required, limit=PLACES_SHOWN, max_km=search.FARTHER_KM)
    # A place that declared no service cannot match the service asked for; it may still help: shown apart.
    on_site = {keyword: labels for keyword, labels in required.items() if keyword != "services"}
    undeclared = search.nearest_matches(commune, **on_site, limit=UNDECLARED_SHOWN, max_km=NEARBY_KM, declared=False)
    nothing_near = not any(distance is not None and distance <= NEARBY_KM for _, distance in ranked)
    remote = reach.remote_matches(commune, required) if nothing_near else []
    places, undeclared_found, remote_found = search.load_groups(ranked, undeclared, remote)
    return Outcome(
        _shown(places, recommendation, now),
        dropped,
        far,
        True,
        _shown(undeclared_found, recommendation, now),
        _shown(remote_found, recommendation, now),
    )


def _shown(found: list[search.Found], recommendation: Recommendation, now: datetime) -> list[ShownPlace]:
    supports = set(diagnostic.criteria(recommendation.filters).get("supports", ()))
    services = [advice.service for advice in recommendation.services]
    return [
        ShownPlace(
            found=item,
            opening=search.opening_of(item.place, now),
            matching_supports=tuple(label for label in item.place.prise_en_charge_specifique if label in supports),
            matching_services=tuple(service for service in services if service in item.place.services),
        )
        for item in found
    ]


def _diagnosis(request):
    """The answers, the commune and what they recommend; or a redirect to the question still to answer."""
    answers = _answers(request)
    assisted = _is_assisted(request)
    missing = diagnostic.first_unanswered(answers)
    if missing is not None:
        return None, redirect(_question_url(missing, answers, assisted))
    lookup = CommuneLookup(answers[diagnostic.PLACE][0], answers.get(diagnostic.INSEE, ("",))[0])
    commune = lookup.commune
    if commune is None:
        # The commune's screen says what is wrong with it, or lists the communes to choose from.
        question_url = reverse("diagnostic:question", args=[diagnostic.PLACE])
        return None, redirect(f"{question_url}?{_query(answers, assisted, **{NAVIGATION: 'suivant'})}")
    recommendation = diagnostic.recommend(answers)
    now = current_time()
    handed_by = HandedByForm(request.GET) if assisted else HandedByForm()
    handed_by_text = handed_by.cleaned_data["remise_par"].strip() if assisted and handed_by.is_valid() else ""
    context = {
        "answers": answers,
        "assisted": assisted,
        "commune": commune,
        "territory": search.territory_words(commune),
        "helpline": NATIONAL_HELPLINE,
        "recommendation": recommendation,
        "outcome": _find_places(commune, recommendation, now),
        "now": now,
        "handed_by_form": handed_by,
        "handed_by": handed_by_text,
        "hidden_fields": _hidden_fields(answers, assisted),
        "print_url": _url("diagnostic:slip", answers, assisted, remise_par=handed_by_text),
        "pdf_url": _url("diagnostic:slip_pdf", answers, assisted, remise_par=handed_by_text),
        "result_url": _url("diagnostic:result", answers, assisted, remise_par=handed_by_text),
        "edit_url": _question_url(diagnostic.QUESTIONS[0], answers, assisted),
        "restart_url": _url("diagnostic:start", {}, assisted),
        "nearby_km": int(NEARBY_KM),
        "farther_km": int(search.FARTHER_KM),
        "places_shown": PLACES_SHOWN,
    }
    return context, None


@require_GET
@never_cache
def result(request):
    """The recommended services and the nearest places that offer them, with the slip to print or download."""
    context, back = _diagnosis(request)
    if back:
        return back
    return render(request, "orientation/diagnostic/result.html", context)


@require_GET
@never_cache
def slip(request):
    """The orientation slip alone, to print (large type, no navigation in print)."""
    context, back = _diagnosis(request)
    if back:
        return back
    return render(request, "orientation/diagnostic/slip.html", context)


@require_GET
@never_cache
def slip_pdf(request):
    """The same slip as an A4 PDF, for a mediator to hand over or a person to keep."""
    context, back = _diagnosis(request)
    if back:
        return back
    html = render_to_string(
        "orientation/diagnostic/slip_pdf.html",
        {**context, "css": render_to_string("orientation/diagnostic/slip.css")},
        request=request,
    )
    try:
        content, _pages = pdf.render_pdf(html, settings.MEDIANE_BASE_URL)
    except pdf.PdfUnavailable:
        logger.warning("Fiche d'orientation : PDF impossible, WeasyPrint ne se charge pas.", exc_info=True)
        return render(request, "orientation/diagnostic/pdf_unavailable.html", context, status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="fiche-orientation.pdf"'
    return response
