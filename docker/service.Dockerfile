# One image recipe for the five Bulwark services. Build from the repository root after
# `./mvnw -B -DskipTests install`, e.g.:
#   docker build -f docker/service.Dockerfile --build-arg MODULE=scheduler-service .
# MODULE         the Maven module whose <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar is copied in
# PG_PACKAGES    PostgreSQL packages from apt.postgresql.org (PGDG) to install: the verifier needs a
#                server and client (postgresql-15), the dump-worker a client (postgresql-client-15).
#                Dump and restore use the same major version, the source database's.
# DEB_PACKAGES   Debian packages to install as well: the dump-worker needs mariadb-client
#                (mariadb-dump), the verifier mariadb-server and mariadb-client (throwaway MariaDB
#                instances and the mariadb client to restore into them).
FROM eclipse-temurin:25-jre

ARG MODULE
ARG PG_PACKAGES=""
ARG DEB_PACKAGES=""
ARG VERSION=0.1.0-SNAPSHOT

RUN set -eux; \
    test -n "${MODULE}"; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates curl gnupg zstd ${DEB_PACKAGES}; \
    if [ -n "${PG_PACKAGES}" ]; then \
      install -d /usr/share/postgresql-common/pgdg /etc/postgresql-common/createcluster.d; \
      curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc \
        https://www.postgresql.org/media/keys/ACCC4CF8.asc; \
      . /etc/os-release; \
      echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt ${VERSION_CODENAME}-pgdg main" \
        > /etc/apt/sources.list.d/pgdg.list; \
      echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/bulwark.conf; \
      apt-get update; \
      apt-get install -y --no-install-recommends ${PG_PACKAGES}; \
    fi; \
    rm -rf /var/lib/apt/lists/*; \
    useradd --system --create-home --home-dir /home/bulwark --uid 10001 bulwark

COPY ${MODULE}/target/${MODULE}-${VERSION}-exec.jar /app/service.jar

# PostgreSQL refuses to run as root: the verifier's throwaway instances run as this user.
USER bulwark
WORKDIR /home/bulwark
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 --sun-misc-unsafe-memory-access=allow"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
CMD ["--spring.config.additional-location=file:/etc/bulwark/bulwark.yml"]
