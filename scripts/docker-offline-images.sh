#!/usr/bin/env bash
# Builds, without any registry, the images docker-compose.offline.yml and the container sandboxes run on:
#   bulwark/debian-base:bookworm   a Debian root file system made with debootstrap from Debian's mirror, imported
#                                  with `docker import`; the root file system is kept as a tarball under
#                                  $BULWARK_CACHE_DIR (default ~/.cache/bulwark) and reused when present
#   bulwark/jdk25:local            the base with the project's JDK 25 (scripts/env.sh bulwark_find_jdk25) in
#                                  /opt/jdk: the images jlink their Java runtime from it
#   embedded/target/offline-lib    Kafka's and S3Proxy's jars (Maven) for docker/offline/infra.Dockerfile
#   bulwark/postgres:15, bulwark/mariadb:10.11
#                                  PostgreSQL and MariaDB from Debian's packages: the compose databases and the
#                                  verifier's container sandboxes (image names bulwark/postgres:{series} and
#                                  bulwark/mariadb:{series})
#   bulwark/offline-infra, bulwark/socket-proxy and the services' system layers (docker/service.Dockerfile
#                                  --target system), so that building docker-compose.offline.yml only adds jars
# Usage: scripts/docker-offline-images.sh [--base-only | --sandbox-images]   (the first run needs root for
# debootstrap; --sandbox-images stops after bulwark/postgres and bulwark/mariadb)
# Exits non-zero when Docker does not answer or a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=env.sh
source scripts/env.sh
bulwark_find_jdk25 >/dev/null

cache="${BULWARK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bulwark}"
suite="${BULWARK_DEBIAN_SUITE:-bookworm}"
mirror="${BULWARK_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base="bulwark/debian-base:$suite"
rootfs_tar="$cache/debian-$suite-rootfs.tar"
mkdir -p "$cache"

step() { echo "== docker-offline-images: $*"; }

if ! docker image inspect "$base" >/dev/null 2>&1; then
  if [ ! -s "$rootfs_tar" ]; then
    step "debootstrap $suite from $mirror into $rootfs_tar"
    command -v debootstrap >/dev/null || { echo "debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
    work="$(mktemp -d "$cache/rootfs.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    debootstrap --variant=minbase "$suite" "$work/root" "$mirror" > "$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    cat > "$work/root/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
SOURCES
    # no recommends, no documentation in the images
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
      > "$work/root/etc/apt/apt.conf.d/90bulwark"
    rm -rf "$work/root/var/lib/apt/lists/"* "$work/root/var/cache/apt/"*.bin
    tar -C "$work/root" --numeric-owner -cf "$rootfs_tar.part" .
    mv "$rootfs_tar.part" "$rootfs_tar"
    rm -rf "$work"
    trap - EXIT
  fi
  step "docker import $rootfs_tar as $base"
  docker import --change 'CMD ["/bin/bash"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$rootfs_tar" "$base" >/dev/null
fi
[ "${1:-}" = --base-only ] && exit 0

java_version="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
if [ "$(docker image inspect -f '{{index .Config.Labels "io.bulwark.jdk"}}' bulwark/jdk25:local 2>/dev/null)" \
    != "$java_version" ]; then
  step "bulwark/jdk25:local from $JAVA_HOME ($java_version)"
  # a tar context with symbolic links followed: a packaged JDK links lib/security/cacerts outside itself
  jdk_ctx="$(mktemp -d)"
  cat > "$jdk_ctx/Dockerfile" <<DOCKERFILE
FROM $base
COPY jdk /opt/jdk
ENV JAVA_HOME=/opt/jdk PATH=/opt/jdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
DOCKERFILE
  tar -ch -C "$jdk_ctx" Dockerfile --transform "s|^\\.|jdk|" -C "$JAVA_HOME" . \
    | docker build -q -t bulwark/jdk25:local --label "io.bulwark.jdk=$java_version" - >/dev/null
  rm -rf "$jdk_ctx"
fi

lib=embedded/target/offline-lib
lib_abs="$PWD/$lib"
if [ ! -f "$lib/.complete" ] || [ embedded/pom.xml -nt "$lib/.complete" ] || [ pom.xml -nt "$lib/.complete" ]; then
  step "Kafka's and S3Proxy's jars into $lib"
  rm -rf "$lib"
  offline=(-o)
  ./mvnw -B -q -o dependency:copy-dependencies -pl embedded -DincludeScope=runtime -DexcludeGroupIds=io.bulwark \
    -DoutputDirectory="$lib_abs" 2>/dev/null || offline=()
  [ ${#offline[@]} -gt 0 ] || ./mvnw -B -q dependency:copy-dependencies -pl embedded -DincludeScope=runtime \
    -DexcludeGroupIds=io.bulwark -DoutputDirectory="$lib_abs"
  touch "$lib/.complete"
fi

for db in postgres:15 mariadb:10.11; do
  step "bulwark/$db from Debian's packages"
  docker build -q -t "bulwark/$db" --build-arg "BASE_IMAGE=$base" -f "docker/offline/${db%%:*}.Dockerfile" . >/dev/null
done
[ "${1:-}" = --sandbox-images ] && { step "done"; exit 0; }

step "bulwark/offline-infra (Kafka, S3Proxy) and bulwark/socket-proxy"
offline_args=(--build-arg "BASE_IMAGE=$base" --build-arg JDK_IMAGE=bulwark/jdk25:local)
docker build -q --force-rm -t bulwark/offline-infra:0.1.0-SNAPSHOT "${offline_args[@]}" \
  -f docker/offline/infra.Dockerfile . >/dev/null
docker build -q --force-rm -t bulwark/socket-proxy:0.1.0-SNAPSHOT --build-arg "BASE_IMAGE=$base" \
  -f docker/offline/socket-proxy.Dockerfile . >/dev/null

# The services' system stage (Java runtime and packages, no jar) for each package set of
# docker-compose.offline.yml, from an empty context: the build of the services then only adds their jars.
empty_ctx="$(mktemp -d)"
for packages in "" "postgresql-client-15 mariadb-client" \
    "postgresql-15 postgresql-client-15 mariadb-server mariadb-client"; do
  step "the services' system layer${packages:+ with $packages}"
  docker build -q --force-rm --target system "${offline_args[@]}" --build-arg PG_PACKAGES= \
    --build-arg "DEB_PACKAGES=$packages" -f - "$empty_ctx" < docker/service.Dockerfile >/dev/null
done
rmdir "$empty_ctx"
step "done"
