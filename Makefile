# union_campaign — the two commands are `make run` and `make test` (see README.md).
# Settings: ODOO_SRC (Odoo 18.0 tree, default /opt/odoo/18.0), PORT (make run, default 8069),
# UC_DB (make run database), PGHOST/PGPORT/PGUSER (UC_PG_VIRTUALENV=1: a throw-away cluster), TAGS / K (select tests),
# UC_CACHE_DIR.
PYTHON ?= python3
DEVTOOL = $(PYTHON) tools/devtool.py

.PHONY: run test lint bench load bootstrap reset-demo screenshots i18n
run:
	@$(DEVTOOL) run

test:
	@$(DEVTOOL) test

lint:
	@$(DEVTOOL) lint

bench:
	@$(DEVTOOL) bench $(if $(SIZES),--sizes $(SIZES)) $(if $(REV),--rev $(REV))

load:
	@$(DEVTOOL) load

bootstrap:
	@$(DEVTOOL) bootstrap

reset-demo:
	@$(DEVTOOL) run --reset

screenshots:
	@$(DEVTOOL) screenshots

i18n:
	@$(DEVTOOL) i18n
