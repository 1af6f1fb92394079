# Routekaart. `make run` to try it, `make test` for the whole suite (see README.md).
# Tests run in two pytest-xdist workers (-n 2), each with its own test database.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
VNU := .venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar
# `make serve` is the production start: DEBUG stays off there unless set in the environment.
SERVE_DEBUG := $(if $(filter undefined file,$(origin DEBUG)),False,$(DEBUG))
# Development defaults; production sets its own environment (see README).
export DEBUG ?= True

.PHONY: install install-test check-system run serve test-cluster content demo test test-fast test-browser lint fmt migrations-check ci reset-local-db bench

.venv/.installed: pyproject.toml
	@test -x $(PY) || python3 -m venv .venv
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	@touch $@

install: check-system .venv/.installed

# WeasyPrint needs Pango (a system library); say how to get it instead of failing obscurely.
# It also needs a colour emoji font, or the emoji in the hand-outs' mock posts print as empty
# boxes: installed with apt like Chromium (below), else say how.
check-system:
	@ldconfig -p 2>/dev/null | grep -q libpango-1.0 || { \
	  echo "Pango ontbreekt (nodig voor PDF's). Installeer het met: sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0"; exit 1; }
	@fc-list 2>/dev/null | grep -qi "Noto Color Emoji" || { echo "Emoji-lettertype installeren (apt)…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji) || \
	  { echo "Installeer het emoji-lettertype (nodig voor PDF's) met: sudo apt-get install fonts-noto-color-emoji"; exit 1; }; }

# Browser tests use Debian's Chromium (never a downloaded browser) and the Nu Html Checker.
install-test: install
	@test -x /usr/bin/chromium || { echo "Chromium installeren (apt)…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) || \
	  { echo "Installeer Chromium met: sudo apt-get install chromium"; exit 1; }; }
	@command -v java >/dev/null || { echo "Java ontbreekt: sudo apt-get install -y default-jre-headless"; exit 1; }
	@test -f $(VNU) || npm install --silent --no-audit --no-fund --prefix .venv/vnu vnu-jar

# The production start (bin/start: migrate, collectstatic, load_content, then gunicorn with
# deploy/gunicorn.conf.py). Settings from the environment: SECRET_KEY, ALLOWED_HOSTS, … (README).
serve: export DEBUG := $(SERVE_DEBUG)
serve: install
	HOST=$(HOST) PORT=$(PORT) bin/start

# Only the cluster leg of CI: PostgreSQL, Redis and two servers, then the cluster tests.
test-cluster: install
	bash .ci/cluster

content: install
	$(PY) manage.py load_content

demo: install
	$(PY) manage.py maak_demo --als-leeg --adres http://$(HOST):$(PORT)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content
	$(MAKE) --no-print-directory demo
	@echo "Routekaart draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# The cluster tests (marker `cluster`) need two production servers: `.ci/run cluster` starts
# them and runs those tests; every other target leaves them out.
test: install-test
	$(PY) -m pytest -q -n 2 -m "not cluster"

test-fast: install
	$(PY) -m pytest -q -n 2 -m "not browser and not cluster"

test-browser: install-test
	$(PY) -m pytest -q -m browser

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports

fmt: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# What users feel: queries and bytes per page, load (hey), a throttled phone (Chromium), PDFs,
# a live session polling (30 phones + the facilitator screen and the beamer); and the server's
# render time per page beside two older commits (bench/render.py: printed, no goal, as its
# milliseconds depend on the machine; the commits are the issue 16 baseline and regression).
# Runs every benchmark, then fails if any missed a goal. A few minutes.
RENDER_TEGEN ?= 4043a7e 660e9d7
bench: install
	@status=0; for b in pagina last telefoon pdf sessie_live; do \
	  echo "== bench/$$b.py"; $(PY) bench/$$b.py || status=1; done; \
	  echo "== bench/render.py"; $(PY) bench/render.py $(foreach c,$(RENDER_TEGEN),--tegen $(c)) || status=1; \
	  exit $$status

ci: lint migrations-check test

reset-local-db:
	rm -f db.sqlite3
	$(MAKE) --no-print-directory content
