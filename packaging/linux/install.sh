#!/bin/sh
# Installs @DISPLAY_NAME@ @VERSION@ for the current user, without root and without Python:
#   ./install.sh               into ~/.local (or PREFIX=/some/where ./install.sh)
#   ./install.sh --uninstall   removes what install.sh put there (your data stays)
# The app goes to PREFIX/lib/@NAME@; PREFIX/bin gets @GUI_EXE@ (the app) and @CLI_EXE@
# (the command line); the menu entry, icons, file type and AppStream data go to PREFIX/share.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
appdir=$PREFIX/lib/@NAME@
bindir=$PREFIX/bin
share=$PREFIX/share
desktop=$share/applications/@APP_ID@.desktop

case "$PREFIX" in
  *'"'*|*'$'*|*'`'*|*'\'*|*'%'*|*'&'*|*'|'*)
    echo "install.sh: PREFIX must not contain \" \$ \` \\ % & or |: $PREFIX" >&2; exit 2 ;;
esac

# every file outside $appdir that install.sh writes (uninstall removes exactly these)
shared_files() {
  echo "$bindir/@GUI_EXE@"
  echo "$bindir/@CLI_EXE@"
  echo "$desktop"
  echo "$share/metainfo/@APP_ID@.metainfo.xml"
  echo "$share/mime/packages/@APP_ID@.xml"
  (cd "$here/share" && find icons -type f) | while read -r f; do echo "$share/$f"; done
}

refresh() {
  # optional helpers: present on desktops, harmless to skip elsewhere
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$share/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$share/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$share/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  shared_files | while read -r f; do rm -f "$f"; done
  rm -rf "$appdir"
  refresh
  echo "@DISPLAY_NAME@ removed from $PREFIX (your assessments in the user data folder are kept)"
  exit 0
elif [ $# -gt 0 ]; then
  echo "usage: [PREFIX=dir] $0 [--uninstall]" >&2; exit 2
fi

# the app: copied next to the old one, then swapped in
mkdir -p "$PREFIX/lib" "$bindir" "$share/applications" "$share/metainfo" "$share/mime/packages"
rm -rf "$appdir.new"
cp -a "$here/app" "$appdir.new"
rm -rf "$appdir"
mv "$appdir.new" "$appdir"

ln -sf "$appdir/@GUI_EXE@" "$bindir/@GUI_EXE@"
rm -f "$bindir/@CLI_EXE@"
printf '#!/bin/sh\nexec "%s/@GUI_EXE@" cli "$@"\n' "$appdir" > "$bindir/@CLI_EXE@"
chmod 755 "$bindir/@CLI_EXE@"

# the menu entry runs the app by its full path: ~/.local/bin is not always on a session's PATH
sed -e "s|^Exec=@GUI_EXE@|Exec=\"$appdir/@GUI_EXE@\"|" \
    -e "s|^TryExec=@GUI_EXE@|TryExec=$appdir/@GUI_EXE@|" \
    "$here/share/applications/@APP_ID@.desktop" > "$desktop"
cp "$here/share/metainfo/@APP_ID@.metainfo.xml" "$share/metainfo/"
cp "$here/share/mime/packages/@APP_ID@.xml" "$share/mime/packages/"
(cd "$here/share" && find icons -type f) | while read -r f; do
  mkdir -p "$(dirname "$share/$f")"
  cp "$here/share/$f" "$share/$f"
done
refresh

echo "@DISPLAY_NAME@ @VERSION@ installed in $appdir"
echo "  menu entry: $desktop"
echo "  commands:   $bindir/@GUI_EXE@ (the app), $bindir/@CLI_EXE@ (the command line)"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "  note: $bindir is not on your PATH" ;;
esac
