"""The OpenAPI 3 description of the API, built from the same declarations as the API itself."""

import django_filters
from django.utils import translation

from core import exports

ERROR = {"$ref": "#/components/schemas/Error"}


def _schema_name(export):
    return export.model.__name__


def filter_parameter(name, flt):
    """A FilterSet filter as an OpenAPI query parameter (the list page's own parameter)."""
    schema: dict = {"type": "string"}
    explode = {}
    if isinstance(flt, django_filters.ModelMultipleChoiceFilter):
        keys = [str(getattr(r, flt.field.to_field_name)) for r in flt.get_queryset(None)]
        schema = {"type": "array", "items": {"type": "string", "enum": keys}}
        explode = {"style": "form", "explode": True}
    elif isinstance(flt, django_filters.ModelChoiceFilter):
        keys = [str(getattr(r, flt.field.to_field_name)) for r in flt.get_queryset(None)]
        schema = {"type": "string", "enum": keys}
    elif isinstance(flt, django_filters.TypedChoiceFilter):
        schema = {"type": "integer", "enum": [value for value, _label in flt.extra["choices"]]}
    elif isinstance(flt, django_filters.ChoiceFilter):
        schema = {"type": "string", "enum": [value for value, _label in flt.extra["choices"]]}
    elif isinstance(flt, django_filters.NumberFilter):
        schema = {"type": "integer"}
        for bound in ("min_value", "max_value"):
            if bound in flt.extra:
                schema[bound.replace("_value", "imum")] = flt.extra[bound]
    else:  # free text: Django's form fields refuse the null character
        schema["pattern"] = "^[^\\u0000]*$"
        if "max_length" in flt.extra:
            schema["maxLength"] = flt.extra["max_length"]
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": str(flt.label),
        "schema": schema,
        **explode,
    }


def filters_of(export) -> dict:
    """The resource's filters, bound to its model (as a list page's FilterSet binds them)."""
    if export.filterset is None:
        return {}
    return export.filterset(queryset=export.model._default_manager.none()).filters


def list_operation(export):
    parameters = [filter_parameter(name, flt) for name, flt in filters_of(export).items()]
    parameters.append(
        {
            "name": "page",
            "in": "query",
            "required": False,
            "description": "Page number, from 1.",
            "schema": {"type": "integer", "minimum": 1},
        }
    )
    page_schema = {
        "type": "object",
        "required": ["count", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer"},
            "next": {"type": "string", "nullable": True},
            "previous": {"type": "string", "nullable": True},
            "results": {
                "type": "array",
                "items": {"$ref": f"#/components/schemas/{_schema_name(export)}"},
            },
        },
    }
    return {
        "get": {
            "operationId": f"list_{export.resource}",
            "summary": f"List published {export.resource}",
            "description": str(export.description),
            "tags": [export.resource],
            "parameters": parameters,
            "responses": {
                "200": {"description": "A page of records", "content": _json(page_schema)},
                "400": {"description": "Invalid filter values", "content": _json(ERROR)},
                "404": {"description": "No such page", "content": _json(ERROR)},
            },
        }
    }


def detail_operation(export):
    return {
        "get": {
            "operationId": f"get_{export.resource}",
            "summary": f"One published record of {export.resource}, by {export.key}",
            "tags": [export.resource],
            "parameters": [
                {
                    "name": "key",
                    "in": "path",
                    "required": True,
                    "description": f"The record's {export.key}",
                    "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
                }
            ],
            "responses": {
                "200": {
                    "description": "The record",
                    "content": _json({"$ref": f"#/components/schemas/{_schema_name(export)}"}),
                },
                "404": {"description": "No published record has this key", "content": _json(ERROR)},
            },
        }
    }


def _json(schema):
    return {"application/json": {"schema": schema}}


def record_schema(export):
    properties = {column.name: column.json_schema(exports.REGISTRY) for column in export.fields}
    return {"type": "object", "required": list(properties), "properties": properties}


def openapi(server_url: str) -> dict:
    """The description, in English, of every resource the API publishes."""
    with translation.override("en"):
        paths = {}
        schemas = {
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {"error": {"type": "string"}},
            }
        }
        for export in exports.REGISTRY.values():
            paths[f"/api/v1/{export.resource}/"] = list_operation(export)
            paths[f"/api/v1/{export.resource}/{{key}}/"] = detail_operation(export)
            schemas[_schema_name(export)] = record_schema(export)
        return {
            "openapi": "3.0.3",
            "info": {
                "title": "ACSS Knowledge Portal open data API",
                "version": "1",
                "description": (
                    "Read-only access to every published record of the ACSS Knowledge Portal. "
                    "Texts are given in English and French; records link to each other by "
                    "address. Filters take the same parameters as the portal's list pages."
                ),
                "license": {
                    "name": "CC BY 4.0",
                    "url": "https://creativecommons.org/licenses/by/4.0/",
                },
            },
            "servers": [{"url": server_url}],
            "paths": paths,
            "components": {"schemas": schemas},
        }
