# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install production messages bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# Production mode: needs SECRET_KEY and ALLOWED_HOSTS (and usually DATABASE_URL) in the environment.
production: $(STAMP)
	DEBUG=0 $(BIN)/python manage.py check --deploy --fail-level WARNING
	DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 $(BIN)/gunicorn --config gunicorn.conf.py acss_portal.wsgi

# Every public page type against a bare view, through gunicorn in production mode, on a database
# of SCALE times the seed (built once under var/bench/): `make bench SCALE=100 DATABASE=postgres`.
SCALE ?= 100
DATABASE ?= sqlite
bench: $(STAMP)
	$(BIN)/python manage.py benchmark --scale $(SCALE) --database $(DATABASE) $(BENCH_ARGS)

# Needs GNU gettext (xgettext) to extract strings; compiling needs only Python.
messages: $(STAMP)
	$(BIN)/python manage.py makemessages --locale fr --no-obsolete --add-location file
	$(BIN)/python manage.py compile_catalogue

clean:
	rm -rf $(VENV) var
