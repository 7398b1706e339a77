# Kafka (KRaft) and S3Proxy for docker-compose.offline.yml, from the Maven artifacts the embedded module runs
# (embedded/target/offline-lib, written by scripts/docker-offline-images.sh with dependency:copy-dependencies)
# on a jlinked Java 25 runtime: no registry image needed. Build from the repository root:
#   docker build -f docker/offline/infra.Dockerfile --build-arg BASE_IMAGE=... --build-arg JDK_IMAGE=... .
# The container runs Kafka with `kafka` (the apache/kafka image's KAFKA_* variables) or S3Proxy with `s3proxy`.
ARG BASE_IMAGE=bulwark/debian-base:bookworm
ARG JDK_IMAGE=bulwark/jdk25:local

FROM ${JDK_IMAGE} AS runtime
RUN jlink --add-modules "$(java --list-modules | sed 's/@.*//' | grep -vx -e jdk.jlink -e jdk.jpackage -e 'jdk.incubator.*' | paste -sd, -)" \
      --strip-java-debug-attributes --no-man-pages --no-header-files --generate-cds-archive --output /opt/bulwark-jre

FROM ${BASE_IMAGE}
RUN useradd --system --create-home --home-dir /home/bulwark --uid 10001 bulwark \
    && install -d -o bulwark -g bulwark /var/lib/kafka/data /data
COPY --from=runtime /opt/bulwark-jre /opt/bulwark-jre
COPY embedded/target/offline-lib/ /opt/bulwark-infra/lib/
COPY docker/offline/infra-entrypoint.sh /usr/local/bin/infra-entrypoint.sh
COPY docker/offline/infra-logback.xml /opt/bulwark-infra/logback.xml
USER bulwark
WORKDIR /home/bulwark
ENV PATH=/opt/bulwark-jre/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ENTRYPOINT ["/bin/bash", "/usr/local/bin/infra-entrypoint.sh"]
CMD ["kafka"]
