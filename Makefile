# The front door: thin targets over CMake. `make demo` and `make test` are
# all a new user needs on Debian 12.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# Build directories are fixed by CMakePresets.json.
BUILD = build
ASAN_BUILD = build-asan
FUZZ_BUILD = build-fuzz
CMAKE ?= cmake
FUZZ_SECONDS ?= 60

.PHONY: all deps build demo test asan tsan bench fuzz format format-check lint clean

all: build

deps:
	@bash scripts/deps.sh

build: deps
	@$(CMAKE) --preset release >/dev/null
	@$(CMAKE) --build --preset release -j $(JOBS)

demo: build
	@mkdir -p out
	@$(BUILD)/auteur render examples/first-light.fountain -o out/first-light.mp4
	@echo "wrote out/first-light.mp4"

test: asan

asan: deps
	@$(CMAKE) --preset asan >/dev/null
	@$(CMAKE) --build --preset asan -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan

tsan: deps
	@$(CMAKE) --preset tsan >/dev/null
	@$(CMAKE) --build --preset tsan -j $(JOBS)
	@TSAN_OPTIONS=suppressions=$(CURDIR)/tests/tsan.supp ctest --preset tsan -R 'render|base|camera|api'

bench: build
	@for b in $(BUILD)/bench_*; do [ -x "$$b" ] && "$$b" || exit 1; done
	@bash bench/bench_render.sh $(BUILD)/auteur

fuzz:
	@AU_DEPS_FUZZ=1 bash scripts/deps.sh
	@$(CMAKE) --preset fuzz >/dev/null
	@$(CMAKE) --build --preset fuzz -j $(JOBS)
	@for f in $(FUZZ_BUILD)/fuzz_*; do \
	  n=$$(basename $$f); mkdir -p $(FUZZ_BUILD)/corpus-$$n; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=1 \
	    -dict=fuzz/$$n.dict $(FUZZ_BUILD)/corpus-$$n fuzz/corpus/$$n || exit 1; \
	done

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

format-check:
	@clang-format --dry-run -Werror $$(git ls-files '*.c' '*.h')

lint: format-check
	@bash scripts/lint-includes.sh

clean:
	@rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) build-tsan out
