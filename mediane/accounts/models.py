"""People who take part: the custom user (e-mail login) and its participant profile, and their sessions."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models

from .enums import ParticipantCategory
from .territories import departement_name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("Une adresse e-mail est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. The participant profile lives on the same row: one query per request."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField("adresse e-mail", unique=True)

    display_name = models.CharField(
        "nom affiché", max_length=60, help_text="Le nom que les autres participant·es verront."
    )
    category = models.CharField(
        "vous êtes", max_length=20, choices=ParticipantCategory.choices, default=ParticipantCategory.OTHER
    )
    organisation = models.CharField("organisation (facultatif)", max_length=150, blank=True)
    postal_code = models.CharField("code postal (facultatif)", max_length=5, blank=True)
    departement = models.CharField("département", max_length=3, blank=True, editable=False)
    charter_accepted_at = models.DateTimeField("charte acceptée le", null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # noqa: RUF012 - Django reads this class attribute

    objects = UserManager()  # type: ignore[misc,assignment]

    class Meta:
        verbose_name = "utilisateur·rice"
        verbose_name_plural = "utilisateur·rices"

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def has_accepted_charter(self) -> bool:
        return self.charter_accepted_at is not None

    @property
    def departement_label(self) -> str:
        return departement_name(self.departement)


class Session(AbstractBaseSession):
    """A browser's session, with the person it is signed in as (`sessions.py` fills `user`).

    Knowing whose session it is lets the deletion of an account end every one of its sessions, on every device,
    without reading all the sessions of the site. No database constraint: a request of the person still running
    while their account is deleted may save its session a moment later, and must not fail for that; the row then
    points to nobody, and signs nobody in.
    """

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="sessions",
    )

    class Meta(AbstractBaseSession.Meta):
        verbose_name = "session"

    @classmethod
    def get_session_store_class(cls):
        from .sessions import SessionStore

        return SessionStore
