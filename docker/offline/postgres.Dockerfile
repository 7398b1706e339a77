# PostgreSQL 15 from Debian's own packages, configured like the official postgres image (POSTGRES_PASSWORD,
# POSTGRES_USER, POSTGRES_DB, *.sql and *.sh in /docker-entrypoint-initdb.d, data in
# /var/lib/postgresql/data, server options as arguments): the state and source databases of
# docker-compose.offline.yml and the verifier's container sandboxes (bulwark/sandbox-postgres:15), built
# without a registry (scripts/docker-offline-images.sh).
ARG BASE_IMAGE=bulwark/debian-base:bookworm
FROM ${BASE_IMAGE}
RUN set -eux; \
    export DEBIAN_FRONTEND=noninteractive; \
    install -d /etc/postgresql-common/createcluster.d; \
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/bulwark.conf; \
    apt-get update; \
    apt-get install -y --no-install-recommends postgresql-15 postgresql-client-15; \
    rm -rf /var/lib/apt/lists/*; \
    install -d -o postgres -g postgres -m 2775 /var/run/postgresql /docker-entrypoint-initdb.d
COPY docker/offline/postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PGDATA=/var/lib/postgresql/data
STOPSIGNAL SIGINT
EXPOSE 5432
ENTRYPOINT ["/bin/bash", "/usr/local/bin/docker-entrypoint.sh"]
CMD ["postgres"]
