# One image recipe for the five Bulwark services. Build from the repository root after
# `./mvnw -B -DskipTests package`, e.g.:
#   docker build -f docker/service.Dockerfile --build-arg MODULE=scheduler-service .
# MODULE         the Maven module whose <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar is copied in
# BASE_IMAGE     the image the service runs on: a Debian or Ubuntu with apt (default: the upstream JRE image
#                as before; docker-compose.offline.yml names a Debian root file system made with debootstrap)
# JDK_IMAGE      an image with a JDK 25 on its PATH; its jlink makes the Java runtime the service runs on
#                (/opt/bulwark-jre), so the base needs no Java of its own. docker-compose.offline.yml names an
#                image holding the project's own JDK (scripts/docker-offline-images.sh).
# PG_PACKAGES    PostgreSQL packages from apt.postgresql.org (PGDG) to install: the verifier needs a
#                server and client (postgresql-15), the dump-worker a client (postgresql-client-15).
#                Dump and restore use the same major version, the source database's. Empty: none from PGDG
#                (offline, the base's own Debian packages come through DEB_PACKAGES instead).
# DEB_PACKAGES   packages of the base's own distribution to install as well: the dump-worker needs
#                mariadb-client (mariadb-dump), the verifier mariadb-server and mariadb-client (throwaway
#                MariaDB instances and the mariadb client to restore into them).
# JVM_OPTIONS    more JVM options, baked into JAVA_TOOL_OPTIONS after the defaults (empty: none).
#                docker-compose.yml gives the dump-worker -XX:+UseParallelGC (docs/operations.md, Capacity).
ARG BASE_IMAGE=eclipse-temurin:25-jre
ARG JDK_IMAGE=eclipse-temurin:25-jdk

FROM ${JDK_IMAGE} AS runtime
# every module of the JDK but the linker and the incubators, uncompressed and with a class data sharing archive
# (a faster start), without Java debug attributes, man pages and
# headers: one runtime for all five services
RUN jlink --add-modules "$(java --list-modules | sed 's/@.*//' | grep -vx -e jdk.jlink -e jdk.jpackage -e 'jdk.incubator.*' | paste -sd, -)" \
      --strip-java-debug-attributes --no-man-pages --no-header-files --generate-cds-archive --output /opt/bulwark-jre

# the operating system and its packages, without the service: shared by the services with the same packages
# (its cache does not depend on MODULE) and built ahead with --target system
FROM ${BASE_IMAGE} AS system

ARG PG_PACKAGES=""
ARG DEB_PACKAGES=""

RUN set -eux; \
    export DEBIAN_FRONTEND=noninteractive; \
    install -d /etc/postgresql-common/createcluster.d; \
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/bulwark.conf; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates curl gnupg zstd ${DEB_PACKAGES}; \
    if [ -n "${PG_PACKAGES}" ]; then \
      install -d /usr/share/postgresql-common/pgdg; \
      curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc \
        https://www.postgresql.org/media/keys/ACCC4CF8.asc; \
      . /etc/os-release; \
      echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt ${VERSION_CODENAME}-pgdg main" \
        > /etc/apt/sources.list.d/pgdg.list; \
      apt-get update; \
      apt-get install -y --no-install-recommends ${PG_PACKAGES}; \
    fi; \
    rm -rf /var/lib/apt/lists/*; \
    useradd --system --create-home --home-dir /home/bulwark --uid 10001 bulwark

COPY --from=runtime /opt/bulwark-jre /opt/bulwark-jre

FROM system

ARG MODULE
ARG VERSION=0.1.0-SNAPSHOT
ARG JVM_OPTIONS=""
COPY ${MODULE}/target/${MODULE}-${VERSION}-exec.jar /app/service.jar

# PostgreSQL refuses to run as root: the verifier's throwaway instances run as this user.
USER bulwark
WORKDIR /home/bulwark
ENV JAVA_HOME=/opt/bulwark-jre \
    PATH=/opt/bulwark-jre/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 --sun-misc-unsafe-memory-access=allow ${JVM_OPTIONS}"
ENTRYPOINT ["/opt/bulwark-jre/bin/java", "-jar", "/app/service.jar"]
CMD ["--spring.config.additional-location=file:/etc/bulwark/bulwark.yml"]
