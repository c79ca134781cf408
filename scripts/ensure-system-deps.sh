#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that Qt (offscreen and on a real X display), the
# PDF checks (pdftoppm, qpdf), the XLSX round trip (LibreOffice), the bundle build (strip)
# its desktop-file checks, the DOCX/PPTX round trip (LibreOffice Writer and Impress) and the
# phone-page browser test (Chromium, its driver, zbarimg for the QR code) need, but only those that are missing.
# On a machine without apt (macOS, Windows) it does nothing: see README.md.
set -euo pipefail
command -v dpkg-query >/dev/null 2>&1 || exit 0
pkgs=(libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 libglib2.0-0
      fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0
      libxcb-xkb1 libx11-xcb1 poppler-utils qpdf xvfb xauth libreoffice-calc-nogui
      binutils desktop-file-utils appstream shared-mime-info
      libreoffice-writer-nogui libreoffice-impress-nogui chromium chromium-driver zbar-tools)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Missing system packages (${missing[*]}); install them as root with apt-get." >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
