from django.shortcuts import render

from pages.selectors import home_page


def home(request):
    return render(request, "home.html", home_page())
