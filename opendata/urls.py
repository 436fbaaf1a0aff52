from django.urls import path

from opendata import api, views

api_patterns = [
    path("", api.index, name="index"),
    path("openapi.json", views.openapi_json, name="openapi"),
    path("<slug:resource>/", api.record_list, name="list"),
    path("<slug:resource>/<slug:key>/", api.record_detail, name="detail"),
]

iati_patterns = [
    path("activities.xml", views.iati_activities, name="activities"),
    path("activities/<slug:slug>.xml", views.iati_activity, name="activity"),
]

download_patterns = [
    path("acss-portal.json", views.database_json, name="json"),
    path("acss-portal-csv.zip", views.database_csv_zip, name="csv_zip"),
]
