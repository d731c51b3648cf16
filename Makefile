# dyadic - build, test, install.
#
#   make demo     build, then analyze the bundled example op-ed
#   make test     luacheck, then the busted suite under Lua 5.4, 5.3, 5.1 and LuaJIT, then the host tests
#   make bench    benchmarks against the peers (appends to bench/RESULTS.md)
#   make install  PREFIX=/usr/local LUA_VERSION=5.4 (or LUA_CMOD=... LUA_LMOD=... BINDIR=...)
#
# `make deps` (a prerequisite of demo and test) installs missing Debian packages when
# run as root, and otherwise prints the exact apt-get command and stops.

CC       ?= cc
PKG_CONFIG ?= pkg-config
OPT      ?= -O2
WARN     := -std=c99 -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS_DY = $(OPT) -g $(WARN) -fPIC -fvisibility=hidden -D_POSIX_C_SOURCE=200809L $(EXTRA_CFLAGS)
# Lua modules never link liblua: the host interpreter provides its symbols.
LDFLAGS_DY = -shared $(EXTRA_LDFLAGS)

# Interpreters the suite runs under; each gets its own build of dyadic/core.so.
RUNTIMES := lua5.4 lua5.3 lua5.1 luajit

SOURCES  := $(sort $(wildcard csrc/*.c))
HEADERS  := $(wildcard csrc/*.h)
# The C core without the Lua binding: what the C benchmarks and fuzzers link.
CORE_SOURCES := $(filter-out csrc/core.c csrc/lua_%.c,$(SOURCES))

lua_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
CFLAGS_lua5.4  = $(or $(call lua_cflags,lua5.4),-I/usr/include/lua5.4)
CFLAGS_lua5.3  = $(or $(call lua_cflags,lua5.3),-I/usr/include/lua5.3)
CFLAGS_lua5.1  = $(or $(call lua_cflags,lua5.1),-I/usr/include/lua5.1)
CFLAGS_luajit  = $(or $(call lua_cflags,luajit),-I/usr/include/luajit-2.1) -DDY_LUAJIT

MODULES := $(foreach r,$(RUNTIMES),build/$(r)/dyadic/core.so)

PREFIX      ?= /usr/local
LUA_VERSION ?= 5.4
LUA_CMOD    ?= $(PREFIX)/lib/lua/$(LUA_VERSION)
LUA_LMOD    ?= $(PREFIX)/share/lua/$(LUA_VERSION)
BINDIR      ?= $(PREFIX)/bin
INSTALL_RUNTIME ?= $(if $(filter 5.1,$(LUA_VERSION)),luajit,lua$(LUA_VERSION))

# Debian packages: what the build and the suite need, and what benchmarks/fuzzing add.
DEPS_TEST  := gcc make pkg-config lua5.4 liblua5.4-dev lua5.3 liblua5.3-dev lua5.1 liblua5.1-0-dev \
              luajit libluajit-5.1-dev lua-lpeg lua-busted lua-check lua-cjson luarocks cppcheck \
              neovim love xvfb xauth chromium libxml2-utils
DEPS_BENCH := libhyperscan-dev iso-codes unicode-data valgrind
DEPS_FUZZ  := clang libclang-rt-14-dev

.PHONY: all test demo bench fuzz install uninstall clean deps deps-bench deps-fuzz sanitize lint \
        spec check-hosts check-html unicode-tables valgrind

all: $(MODULES)

define module_rule
build/$(1)/dyadic/core.so: $(SOURCES) $(HEADERS) Makefile
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS_DY) $$(CFLAGS_$(1)) $(SOURCES) -o $$@.tmp $$(LDFLAGS_DY)
	@mv -f $$@.tmp $$@  # atomic: a suite running during a rebuild never loads a half-written module
endef
$(foreach r,$(RUNTIMES),$(eval $(call module_rule,$(r))))

deps:
	@sh tools/deps.sh $(DEPS_TEST)

deps-bench:
	@sh tools/deps.sh $(DEPS_TEST) $(DEPS_BENCH)

deps-fuzz:
	@sh tools/deps.sh $(DEPS_FUZZ)

# The whole suite: lint, specs under every runtime, then the real hosts (Neovim, LÖVE, Chromium).
test: deps all
	@sh tools/test.sh $(RUNTIMES)

# Specs only, for the edit-test loop: make spec RUNTIMES=lua5.4
spec: all
	@sh tools/test.sh --specs-only $(RUNTIMES)

lint:
	luacheck --quiet lua spec bin examples plugin tools
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability --std=c99 \
	         --suppress=missingIncludeSystem -I csrc $(filter-out csrc/compat.h,$(SOURCES))

demo: deps all
	@sh tools/demo.sh

bench: deps-bench all
	@sh bench/run.sh

fuzz: deps-fuzz
	@sh fuzz/run.sh $(FUZZ_SECONDS)

# ASan + UBSan build of the Lua 5.4 module, and the spec suite run under it.
sanitize:
	@$(MAKE) --no-print-directory clean-sanitize
	$(MAKE) --no-print-directory build/sanitize/dyadic/core.so
	@sh tools/sanitize.sh

build/sanitize/dyadic/core.so: $(SOURCES) $(HEADERS) Makefile
	@mkdir -p $(@D)
	$(CC) -O1 -g $(WARN) -fPIC -fno-omit-frame-pointer -fsanitize=address,undefined \
	      -fno-sanitize-recover=undefined -D_POSIX_C_SOURCE=200809L $(CFLAGS_lua5.4) \
	      $(SOURCES) -o $@ -shared -fsanitize=address,undefined

clean-sanitize:
	rm -rf build/sanitize

valgrind: all
	@sh tools/valgrind.sh

unicode-tables:
	lua5.4 tools/gen_unicode.lua /usr/share/unicode > csrc/unicode_tables.h.new
	mv csrc/unicode_tables.h.new csrc/unicode_tables.h

install: build/$(INSTALL_RUNTIME)/dyadic/core.so
	install -d $(DESTDIR)$(LUA_CMOD)/dyadic $(DESTDIR)$(LUA_LMOD) $(DESTDIR)$(BINDIR)
	install -m 0755 build/$(INSTALL_RUNTIME)/dyadic/core.so $(DESTDIR)$(LUA_CMOD)/dyadic/core.so
	cd lua && find dyadic -type d -exec install -d $(DESTDIR)$(LUA_LMOD)/{} \;
	cd lua && find dyadic -type f -name '*.lua' -exec install -m 0644 {} $(DESTDIR)$(LUA_LMOD)/{} \;
	install -m 0755 bin/dyadic $(DESTDIR)$(BINDIR)/dyadic

uninstall:
	rm -rf $(DESTDIR)$(LUA_CMOD)/dyadic $(DESTDIR)$(LUA_LMOD)/dyadic $(DESTDIR)$(BINDIR)/dyadic

clean:
	rm -rf build
