#!/usr/bin/env bash
# Installs what the end-to-end tests need into .tools/ (git-ignored): code-server 4.100.3 (VS Code
# 1.100.3, the last to run on Node 20) from the npm registry, with its install steps done by hand
# because its own install script downloads ripgrep from the internet; plus Debian's Chromium.
# Idempotent: a finished install is left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS="$PWD/.tools"
CS="$TOOLS/node_modules/code-server"
VERSION=4.100.3

if [ -f "$TOOLS/.code-server-ready" ] && command -v chromium >/dev/null && command -v rg >/dev/null; then
  echo "e2e tools ready"
  exit 0
fi

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1 || ! fc-list | grep -q "Noto Sans CJK"; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends libkrb5-dev ripgrep chromium fonts-noto-cjk >/dev/null
fi

mkdir -p "$TOOLS"
cd "$TOOLS"
[ -f package.json ] || echo '{"name":"party-report-e2e-tools","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null

cd "$CS/lib/vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >/dev/null 2>&1 || npm_config_yes=true npm rebuild
[ -e node_modules.asar ] || ln -s node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)

# argon2 (a native module) is hoisted beside code-server: build it from source where it is.
cd "$TOOLS"
npm rebuild argon2 --build-from-source >/dev/null 2>&1 || npm rebuild argon2 --build-from-source

node "$CS/out/node/entry.js" --version
touch "$TOOLS/.code-server-ready"
