#!/bin/sh
# Adds Theo dõi to this user's application menu (no administrator needed).
# The data stays in ~/.local/share/theodoi whatever happens to this folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
sed "s|@BUNDLE@|$here|g" "$here/theodoi.desktop" > "$apps/theodoi.desktop"
chmod 644 "$apps/theodoi.desktop"
echo "Đã thêm Theo dõi vào menu ứng dụng ($apps/theodoi.desktop)."
