# MariaDB 10.11 from Debian's own packages, configured like the official mariadb image (MARIADB_ROOT_PASSWORD,
# MARIADB_ROOT_HOST, MARIADB_DATABASE, *.sql and *.sh in /docker-entrypoint-initdb.d, data in /var/lib/mysql,
# server options as arguments, healthcheck.sh): the source database of docker-compose.offline.yml and the
# verifier's container sandboxes (bulwark/sandbox-mariadb:10.11), built without a registry
# (scripts/docker-offline-images.sh).
ARG BASE_IMAGE=bulwark/debian-base:bookworm
FROM ${BASE_IMAGE}
RUN set -eux; \
    export DEBIAN_FRONTEND=noninteractive; \
    apt-get update; \
    apt-get install -y --no-install-recommends mariadb-server mariadb-client; \
    rm -rf /var/lib/apt/lists/* /var/lib/mysql; \
    install -d -o mysql -g mysql /var/lib/mysql /run/mysqld /docker-entrypoint-initdb.d
COPY docker/offline/mariadb-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
COPY docker/offline/mariadb-healthcheck.sh /usr/local/bin/healthcheck.sh
EXPOSE 3306
ENTRYPOINT ["/bin/bash", "/usr/local/bin/docker-entrypoint.sh"]
CMD ["mariadbd"]
