"""Every form of the platform refuses control characters and reads integers strictly (mediane/forms.py)."""

import importlib
import pkgutil

import pytest
from django import forms

import mediane
from mediane.consultation.forms import CommentForm, ContributionForm, SimilarLookupForm
from mediane.forms import ControlledTextMixin, Form, IntegerField


def _project_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(mediane.__path__, "mediane."):
        if module.name.rsplit(".", 1)[-1].startswith("forms"):
            importlib.import_module(module.name)
    found, pending = [], [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("mediane.") and subclass.__module__ != "mediane.forms":
                found.append(subclass)
    return found


PROJECT_FORMS = _project_forms()


def test_the_walk_finds_the_forms_of_every_app():
    apps = {form.__module__.split(".")[1] for form in PROJECT_FORMS}
    assert {"accounts", "consultation", "orientation", "structures", "synthesis", "workinggroup"} <= apps


@pytest.mark.parametrize("form_class", PROJECT_FORMS, ids=lambda form: f"{form.__module__}.{form.__name__}")
def test_every_form_derives_from_the_platform_base_and_uses_its_integer_field(form_class):
    """`mediane.forms.Form`, or for a model form of the admin its mixin: both refuse control characters."""
    assert issubclass(form_class, ControlledTextMixin), "derive from mediane.forms.Form"
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.IntegerField):
            assert isinstance(field, IntegerField), f"{name}: use mediane.forms.IntegerField (ASCII digits only)"


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x08", "\x85", "\x7f"])
def test_a_control_character_in_a_text_field_is_refused_with_one_french_message(char):
    form = ContributionForm({"kind": "proposition", "title": f"Un titre{char}caché", "body": "Un texte assez long."})
    assert not form.is_valid()
    assert list(form.errors) == ["title"]
    [message] = form.errors["title"]
    assert message.startswith("Caractère invisible interdit (U+")


def test_a_field_added_after_the_form_is_built_is_guarded_too():
    class Late(Form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["note"] = forms.CharField()

    assert not Late({"note": "a\x1bb"}).is_valid()


def test_tabulations_and_line_breaks_stay_allowed():
    form = CommentForm({"body": "Première ligne\r\n\tdeuxième ligne"})
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("raw", ["²", "٣", "３", "1_0"])
def test_an_integer_field_refuses_unicode_digits(raw):
    class Count(Form):
        number = IntegerField(min_value=0)

    form = Count({"number": raw})
    assert not form.is_valid()
    assert "chiffre de 0 à 9" in form.errors["number"][0] or "n'est pas un nombre" in form.errors["number"][0]


def test_the_close_contributions_lookup_never_fails_on_hostile_input():
    lookup = SimilarLookupForm(
        {"title": "a\x1bb", "body": "\x00", "similar_seen": "1,²,٣,\x00,2", "similar_shown": "x"}
    )
    lookup.is_valid()
    assert lookup.cleaned_data["similar_seen"] == [1, 2]
    assert lookup.cleaned_data["similar_shown"] == []
    assert lookup.draft_text() == "\n"
