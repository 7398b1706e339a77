#!/bin/sh
# Regenerates the OpenPGP test keys of this folder with gpg 2.2 (the keys are for tests only).
# Usage: sh generate.sh  (run in this folder; needs gpg)
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export GNUPGHOME="$home"
g() { gpg --homedir "$home" --batch --pinentry-mode loopback --passphrase '' "$@"; }
fpr() { gpg --homedir "$home" --with-colons --list-keys "$1" | awk -F: '/^fpr/ {print $10; exit}'; }

# RSA 3072, one primary key that certifies and encrypts
g --quick-gen-key 'Bulwark Test RSA <rsa@example.invalid>' rsa3072 cert,encr never
# Ed25519 primary (certify) with a Curve25519 (ECDH) encryption subkey
g --quick-gen-key 'Bulwark Test Curve25519 <cv25519@example.invalid>' ed25519 cert never
g --quick-add-key "$(fpr cv25519@example.invalid)" cv25519 encr never
# created in 2020, expired in 2021
g --faked-system-time 20200101T000000 --quick-gen-key 'Bulwark Test Expired <expired@example.invalid>' rsa2048 cert,encr 1y
# a valid key whose primary key is revoked
g --quick-gen-key 'Bulwark Test Revoked <revoked@example.invalid>' ed25519 cert never
g --quick-add-key "$(fpr revoked@example.invalid)" cv25519 encr never
sed 's/^:-----/-----/' "$home/openpgp-revocs.d/$(fpr revoked@example.invalid).rev" | g --import
# an encryption subkey that is revoked (the primary key stays valid)
g --quick-gen-key 'Bulwark Test Revoked Subkey <revoked-subkey@example.invalid>' ed25519 cert never
g --quick-add-key "$(fpr revoked-subkey@example.invalid)" cv25519 encr never
printf 'key 1\nrevkey\ny\n0\n\ny\nsave\n' | gpg --homedir "$home" --batch --pinentry-mode loopback --passphrase '' \
    --command-fd 0 --status-fd 2 --edit-key "$(fpr revoked-subkey@example.invalid)" >/dev/null 2>&1
# a key that can only sign
g --quick-gen-key 'Bulwark Test Sign Only <sign-only@example.invalid>' ed25519 sign never

for name in rsa cv25519 expired revoked revoked-subkey sign-only; do
    g --armor --export "$name@example.invalid" > "$name.pub.asc"
done
g --export cv25519@example.invalid > cv25519.pub.gpg
g --armor --export-secret-keys rsa@example.invalid > rsa.sec.asc
g --armor --export-secret-keys cv25519@example.invalid > cv25519.sec.asc
# a Curve25519 key whose secret key is protected with the passphrase "key passphrase"
p() { gpg --homedir "$home" --batch --pinentry-mode loopback --passphrase 'key passphrase' "$@"; }
p --quick-gen-key 'Bulwark Test Protected <protected@example.invalid>' ed25519 cert never
p --quick-add-key "$(fpr protected@example.invalid)" cv25519 encr never
p --armor --export protected@example.invalid > protected.pub.asc
p --armor --export-secret-keys protected@example.invalid > protected.sec.asc
