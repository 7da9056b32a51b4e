import pytest

URLS = ["/en/", "/ar/privacy/", "/en/cities/montreal/declaration/", "/en/no-such-page/", "/healthz"]


@pytest.mark.parametrize("url", URLS)
def test_every_response_carries_the_security_headers(client, city, url):
    response = client.get(url)

    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("url", URLS)
def test_an_anonymous_reader_gets_no_cookie(client, city, url):
    response = client.get(url)

    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers
