"""`/taxonomies` and `/taxonomy_terms`: the categories and service attributes, in the language
the request asks for (Accept-Language), falling back to the others."""

import uuid
from typing import Annotated

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from ninja import Query, Router

from solidarity.api import selectors
from solidarity.api.caching import TAXONOMY, cached
from solidarity.api.hsds import serialize
from solidarity.api.pagination import NDJSON_RESPONSE, ndjson_response, page_of
from solidarity.api.params import Flag, Format, PageNumber, PerPage, Search
from solidarity.api.schemas import Error, InvalidRequest, Page, TaxonomyOut, TaxonomyTermOut
from solidarity.directory.models import Taxonomy, TaxonomyTerm

router = Router(tags=["Taxonomies"])
OptionalId = Annotated[uuid.UUID | None, Query(None)]


@router.get(
    "/taxonomies",
    response={200: Page[TaxonomyOut], 422: InvalidRequest},
    exclude_none=True,
    summary="Paginated taxonomies",
    openapi_extra=NDJSON_RESPONSE,
)
@cached(scopes=TAXONOMY)
def taxonomy_list(
    request: HttpRequest,
    search: Search = None,
    page: PageNumber = 1,
    per_page: PerPage = 20,
    format: Format = "json",
) -> HttpResponseBase | dict:
    found = selectors.taxonomies(search or "")
    if format == "ndjson":
        return ndjson_response(found, serialize.taxonomy_data)
    return page_of(found, page=page, per_page=per_page, serialize=serialize.taxonomy_data)


@router.get(
    "/taxonomies/{id}",
    response={200: TaxonomyOut, 404: Error, 422: InvalidRequest},
    exclude_none=True,
    summary="A taxonomy",
)
@cached(scopes=TAXONOMY, params=())
def taxonomy_detail(request: HttpRequest, id: uuid.UUID) -> dict:
    taxonomy = Taxonomy.objects.filter(pk=id).first()
    if taxonomy is None:
        raise Http404
    return serialize.taxonomy_data(taxonomy)


@router.get(
    "/taxonomy_terms",
    response={200: Page[TaxonomyTermOut], 422: InvalidRequest},
    exclude_none=True,
    summary="Paginated taxonomy terms",
    openapi_extra=NDJSON_RESPONSE,
)
@cached(scopes=TAXONOMY)
def taxonomy_term_list(
    request: HttpRequest,
    search: Search = None,
    taxonomy_id: OptionalId = None,
    top_only: Flag = False,
    parent_id: OptionalId = None,
    page: PageNumber = 1,
    per_page: PerPage = 20,
    format: Format = "json",
) -> HttpResponseBase | dict:
    terms = selectors.taxonomy_terms(
        search=search or "", taxonomy_id=taxonomy_id, top_only=top_only, parent_id=parent_id
    )
    if format == "ndjson":
        return ndjson_response(terms, serialize.term_data)
    return page_of(terms, page=page, per_page=per_page, serialize=serialize.term_data)


@router.get(
    "/taxonomy_terms/{id}",
    response={200: TaxonomyTermOut, 404: Error, 422: InvalidRequest},
    exclude_none=True,
    summary="A taxonomy term",
)
@cached(scopes=TAXONOMY, params=())
def taxonomy_term_detail(request: HttpRequest, id: uuid.UUID) -> dict:
    term = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=id).first()
    if term is None:
        raise Http404
    return serialize.term_data(term)
