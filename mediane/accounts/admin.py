"""Admin of people: an e-mail based user admin (there is no username), filterable by category and role."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from mediane.forms import ControlledTextMixin

from .models import User


class UserChangeAdminForm(ControlledTextMixin, UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


class UserCreationAdminForm(ControlledTextMixin, AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("email",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ("email",)
    list_display = ("email", "display_name", "category", "departement", "charter_accepted_at", "is_active")
    list_filter = ("category", "groups", "is_active", "is_staff", "departement")
    search_fields = ("email", "display_name", "organisation")
    readonly_fields = ("departement", "last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profil", {"fields": ("display_name", "category", "organisation", "postal_code", "departement")}),
        ("Charte", {"fields": ("charter_accepted_at",)}),
        ("Rôles et droits", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "usable_password", "password1", "password2")}),)
    filter_horizontal = ("groups",)
