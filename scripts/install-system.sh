#!/usr/bin/env bash
# Install the Debian packages the service and its tests need, only those missing.
# Usage: scripts/install-system.sh [run|test]
set -euo pipefail
mode="${1:-run}"

run_packages=(
  python3 python3-venv python3-dev build-essential
  python3-uno libreoffice-writer-nogui         # PDF/A conversion (LibreOffice over UNO)
  fonts-dejavu-core fonts-liberation2          # fonts that carry ș ț, embedded in PDF/A
  softhsm2 opensc                              # PKCS#11 token for signing keys
  poppler-utils                                # pdftotext, pdfsig, pdftoppm
  util-linux                                   # setpriv: LibreOffice dies with its worker
  libxml2-utils curl
)
test_packages=(
  postgresql                                   # the production database, for the suite
  chromium                                     # browser tests (Debian's, no download)
  libnss3-tools                                # certutil: NSS trust store for pdfsig
  faketime                                     # the suite again, the clock moved ahead
  dovecot-imapd                                # a real IMAP server for the registry replies
  zbar-tools                                   # zbarimg: the validation sheet's QR codes read back
)

packages=("${run_packages[@]}")
[ "$mode" = "test" ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The tests start a dovecot of their own (tests/filings/imap_server.py: its own
  # configuration, loopback, a free port); the production service only reads the
  # directorate's own mailbox. So the system dovecot the package starts and enables
  # (ports 143/993 on every address) is stopped and disabled again, if this script is
  # the one that installed it; a dovecot installed on purpose before is left alone.
  if [[ " ${missing[*]} " == *" dovecot-imapd "* ]]; then
    if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
      $SUDO systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
    elif [ -x /etc/init.d/dovecot ]; then
      $SUDO /etc/init.d/dovecot stop >/dev/null 2>&1 || true
      $SUDO update-rc.d dovecot disable >/dev/null 2>&1 || true
    fi
  fi
fi
