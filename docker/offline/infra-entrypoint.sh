#!/bin/bash
# kafka:   a single KRaft broker and controller configured like the apache/kafka image (KAFKA_NODE_ID=1 becomes
#          node.id=1), its storage formatted with CLUSTER_ID on first start.
# s3proxy: S3Proxy on :9000 over /data with one identity (S3PROXY_IDENTITY / S3PROXY_CREDENTIAL, read from the
#          environment into a file only this user reads) and the buckets of S3PROXY_BUCKETS created as folders.
set -euo pipefail
cp=/opt/bulwark-infra/lib/*
export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Dlogback.configurationFile=/opt/bulwark-infra/logback.xml"
case "${1:-kafka}" in
  kafka)
    conf="$HOME/server.properties"
    : > "$conf"
    while IFS='=' read -r name value; do
      case "$name" in
        KAFKA_*) key="${name#KAFKA_}"; key="${key,,}"; echo "${key//_/.}=${value}" >> "$conf" ;;
      esac
    done < <(env)
    : "${CLUSTER_ID:?set CLUSTER_ID}"
    java -cp "$cp" kafka.tools.StorageTool format --ignore-formatted -t "$CLUSTER_ID" -c "$conf"
    exec java -Xmx512m -cp "$cp" kafka.Kafka "$conf"
    ;;
  s3proxy)
    : "${S3PROXY_IDENTITY:?set S3PROXY_IDENTITY}" "${S3PROXY_CREDENTIAL:?set S3PROXY_CREDENTIAL}"
    for bucket in ${S3PROXY_BUCKETS:-}; do mkdir -p "/data/$bucket"; done
    umask 077
    conf="$HOME/s3proxy.properties"
    cat > "$conf" <<PROPS
s3proxy.endpoint=http://0.0.0.0:9000
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${S3PROXY_IDENTITY}
s3proxy.credential=${S3PROXY_CREDENTIAL}
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=/data
PROPS
    unset S3PROXY_IDENTITY S3PROXY_CREDENTIAL
    exec java -Xmx256m -cp "$cp" org.gaul.s3proxy.Main --properties "$conf"
    ;;
  *) exec "$@" ;;
esac
