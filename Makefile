# hadath — the two set-up commands (see README):
#   make run    install missing Debian packages, build Release, code the bundled examples
#   make test   install what the tests need, build, run the whole suite with CTest
# Other targets: build, bench, install (PREFIX=/usr/local), clean.

BUILD   ?= build
PREFIX  ?= /usr/local
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
SHARED  ?= ../shared
HADATH  := $(BUILD)/hadath
SEED    := $(SHARED)/corpus/seed/000_adf2e6658df28c14.txt

.PHONY: run test build deps test-deps bench install clean fuzz test-asan test-tsan

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

$(BUILD)/CMakeCache.txt:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: deps $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j$(JOBS) 2>&1 | grep -E "error|warning|Error" || true
	@test -x $(HADATH) || (echo "build failed: run 'cmake --build $(BUILD)' to see why" >&2; exit 1)

run: build
	@echo "== hadath $$($(HADATH) version | cut -d' ' -f2): coding the bundled examples (examples/)"
	@$(HADATH) code -q -o $(BUILD)/examples.events.jsonl examples/
	@$(HADATH) code -q --format table examples/
	@echo "JSON Lines: $(BUILD)/examples.events.jsonl"
	@if [ -f "$(SEED)" ]; then \
	  echo; echo "== the founding example: $(SEED)"; \
	  $(HADATH) code -q -o $(BUILD)/seed.events.jsonl "$(SEED)"; \
	  $(HADATH) code -q --format table "$(SEED)"; \
	  echo "JSON Lines: $(BUILD)/seed.events.jsonl"; \
	fi

test: test-deps $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j$(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Reliability (fuzz/README.md). fuzz: every libFuzzer target for FUZZ_SECONDS (default 60)
# each, clang build in $(BUILD)-fuzz. test-asan / test-tsan: the suite under
# AddressSanitizer+UBSan (all of ctest; ASAN_CTEST="-R regex" or "-E regex" narrows it) /
# ThreadSanitizer (parallel pipeline, server).
FUZZ_SECONDS ?= 60
ASAN_CTEST ?=
# (-O1, as the sanitizers' documentation advises: coder.cc compiles in half the time of -O2)
SAN_CMAKE := -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -DNDEBUG" \
  -DHADATH_BUILD_WEB=OFF -DHADATH_BUILD_PYTHON=OFF
fuzz: test-deps
	@scripts/install-deps.sh --fuzz
	@cmake -S . -B $(BUILD)-fuzz $(SAN_CMAKE) -DCMAKE_CXX_COMPILER=clang++ -DHADATH_FUZZ=ON \
	  -DHADATH_SANITIZE="address;undefined" -DHADATH_BUILD_TESTS=OFF >/dev/null
	@cmake --build $(BUILD)-fuzz -j$(JOBS) --target $(addprefix hadath_fuzz_,warc jsonl html encoding text dict dates http code)
	@BUILD=$(BUILD)-fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

test-asan: test-deps
	@cmake -S . -B $(BUILD)-asan $(SAN_CMAKE) -DHADATH_SANITIZE="address;undefined" >/dev/null
	@cmake --build $(BUILD)-asan -j$(JOBS)
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j$(JOBS) $(ASAN_CTEST)

test-tsan: test-deps
	@cmake -S . -B $(BUILD)-tsan $(SAN_CMAKE) -DHADATH_SANITIZE=thread >/dev/null
	@cmake --build $(BUILD)-tsan -j$(JOBS) --target hadath hadath_server_tests hadath_store_tests
	@BUILD=$(BUILD)-tsan fuzz/tsan.sh

# Benchmarks: stage micro-benchmarks (median of 5) and, with ../shared, the corpus run.
bench: test-deps
	@scripts/install-deps.sh --bench
	@cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DHADATH_BUILD_TESTS=OFF -DHADATH_BUILD_BENCH=ON >/dev/null
	@cmake --build $(BUILD)-bench -j$(JOBS)
	@$(BUILD)-bench/bench/hadath_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	@if [ -f $(SHARED)/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz ]; then HADATH=$(BUILD)-bench/hadath bench/corpus.sh 5; fi

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD)
