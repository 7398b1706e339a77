# The Docker socket proxy of docker-compose.sandbox-containers.yml, offline: HAProxy from Debian's packages with
# docker/offline/socket-proxy.cfg, which lets through what the verifier's container sandboxes need (ping, version,
# info, images, containers, networks) and refuses the rest of the Docker API (403), exec included.
ARG BASE_IMAGE=bulwark/debian-base:bookworm
FROM ${BASE_IMAGE}
RUN set -eux; \
    export DEBIAN_FRONTEND=noninteractive; \
    apt-get update; \
    apt-get install -y --no-install-recommends haproxy; \
    rm -rf /var/lib/apt/lists/*
COPY docker/offline/socket-proxy.cfg /etc/haproxy/socket-proxy.cfg
EXPOSE 2375
ENTRYPOINT ["haproxy", "-W", "-db", "-f", "/etc/haproxy/socket-proxy.cfg"]
