# Shared by scripts/run.sh and scripts/test.sh: installs what the build needs when it is
# missing (Debian packages, npm packages), and builds incrementally. Source it; do not run it.

# Repository root.
BASKETLIFT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export NODE_PATH=/usr/share/nodejs  # Debian's em++ needs its Node modules (acorn) from here

# A step's title, with the seconds since the script started (where a slow CI run spent them).
step() { printf '\n==> %s [%d s]\n' "$*" "$SECONDS"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the given Debian packages that are not installed yet (apt-get update first, once a
# script).
apt_lists_updated=
ensure_apt_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "Installing Debian packages: ${missing[*]}"
  [ -n "$apt_lists_updated" ] || as_root apt-get update
  apt_lists_updated=1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# npm ci when node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    ensure_apt_packages nodejs npm
  fi
  if [ ! -f "$BASKETLIFT_ROOT/node_modules/.package-lock.json" ] ||
     [ "$BASKETLIFT_ROOT/package-lock.json" -nt "$BASKETLIFT_ROOT/node_modules/.package-lock.json" ]; then
    step "Installing npm packages (npm ci)"
    (cd "$BASKETLIFT_ROOT" && npm ci --no-audit --no-fund)
  fi
}

# Packages every build needs: compilers, CMake, Ninja, Boost headers, GoogleTest, Emscripten;
# and tzdata, where the command line reads a settings.timezone's rules.
ensure_build_dependencies() {
  ensure_apt_packages cmake ninja-build g++ libboost-dev libgtest-dev emscripten tzdata
  ensure_node_modules
}

build_native() {
  step "Native build (build/bin)"
  cmake --preset native -Wno-dev >/dev/null
  cmake --build --preset native
}

# Configures the sanitizer build (preset asan: clang, the GoogleTest suite and the fuzz targets).
# A build/asan that GCC configured (before 2026-12-07) is started afresh: CMake does not switch
# a build's compiler in place.
configure_asan() {
  local cache="$BASKETLIFT_ROOT/build/asan/CMakeCache.txt"
  if [ -f "$cache" ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang' "$cache"; then
    rm -rf "$BASKETLIFT_ROOT/build/asan"
  fi
  (cd "$BASKETLIFT_ROOT" && cmake --preset asan -Wno-dev >/dev/null)
}

build_wasm() {
  step "WebAssembly builds (with and without wasm SIMD) and dashboard site (build/web)"
  emcmake cmake --preset wasm-scalar -Wno-dev >/dev/null
  cmake --build --preset wasm-scalar
  emcmake cmake --preset wasm -Wno-dev >/dev/null
  cmake --build --preset wasm
}
