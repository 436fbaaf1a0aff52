from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.html import format_html

from pages.selectors import about_page, contact_page, home_page


def home(request):
    return render(request, "home.html", home_page())


# GIZ's name is German in either language: marked so, for screen readers to say it right.
GIZ = format_html(
    '<span lang="de">{}</span>', "Deutsche Gesellschaft für Internationale Zusammenarbeit"
)


def about(request):
    return render(request, "pages/about.html", {**about_page(), "giz": GIZ})


def contact(request):
    return render(request, "pages/contact.html", contact_page())


def legal_notice(request):
    return render(request, "pages/legal.html", {"giz": GIZ})


def privacy(request):
    return render(request, "pages/privacy.html")


def accessibility(request):
    return render(request, "pages/accessibility.html")


def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says; the file lives with the static ones.
    return redirect(static("img/favicon.ico"))
