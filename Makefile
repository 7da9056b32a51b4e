# The two commands of the README: `make run` and `make test`. Everything else helps them.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
# Debian's python3.11 where there is one: the interpreter production runs (docs/deploy.md), built
# with profile-guided and link-time optimisation. A locally compiled one found first on the PATH
# (pyenv's default build) did Django's work 25-35 % slower here (bench/README.md).
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) python3.11)
APPS := accounts vault organizers cities directory endorsements reports campaign api ops
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test lint typecheck messages compilemessages test-sqlite test-postgres system-deps demo-reset

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); python3.11 -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

## make run: a fresh machine to a running site with demo data at http://127.0.0.1:8000
run: $(VENV)/.installed compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(BIN)/solidarity-city demo-data --if-empty
	@$(BIN)/solidarity-city demo-login
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: lint, types, translations, then the whole suite on SQLite and on PostgreSQL
test: $(VENV)/.installed system-deps lint typecheck compilemessages test-sqlite test-postgres

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed
	$(BIN)/mypy config solidarity

compilemessages: $(VENV)/.installed
	cd solidarity && ../$(PY) ../manage.py compilemessages --ignore=.venv -v0

messages: $(VENV)/.installed
	cd solidarity && ../$(PY) ../manage.py makemessages -l fr -l es -l ar --no-obsolete -e html,txt,py,svg \
		$(foreach app,$(APPS),--ignore=$(app)/*) -v0
	for app in $(APPS); do (cd solidarity/$$app && mkdir -p locale && \
		../../$(PY) ../../manage.py makemessages -l fr -l es -l ar --no-obsolete -e html,txt,py,svg -v0); done

# Browser tests run in their own pytest processes: Playwright's sync API keeps an event loop
# running in the test thread, which must not leak into the other tests.
test-sqlite: $(VENV)/.installed
	DATABASE_URL= $(BIN)/pytest -n 2 -q -m "not browser"
	DATABASE_URL= $(BIN)/pytest -n 2 -q -m browser

test-postgres: $(VENV)/.installed
	scripts/with-postgres $(BIN)/pytest -n 2 -q -m "not browser"

# Debian packages the tests need; installed only when missing (CI runs as root).
SYSTEM_PACKAGES := chromium fonts-noto-core gettext
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

demo-reset: $(VENV)/.installed
	rm -f var/solidarity.sqlite3 var/solidarity.sqlite3-wal var/solidarity.sqlite3-shm
	$(PY) manage.py migrate --noinput
	$(BIN)/solidarity-city demo-data
