# Multi-stage image for credeau.
#   docker build -t credeau:0.1.0 .
#   docker run --rm -p 8000:8000 --env-file deploy/.env credeau:0.1.0                  # serve-insights
#   docker run --rm -p 8082:8082 --env-file deploy/.env credeau:0.1.0 serve-sms
#   docker run --rm --env-file deploy/.env credeau:0.1.0 migrate
# The runtime stage carries only the shared libraries the binary links. A test compares the
# packages between the runtime-packages markers with the binary's dynamic dependencies.

ARG SWIFT_VERSION=6.3
FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        pkg-config libpcre2-dev libsqlite3-dev libbson-dev libmongoc-dev libpq-dev libmicrohttpd-dev \
        zlib1g-dev libssl-dev libcurl4-openssl-dev libsimdjson-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Package.swift names the benchmark and test targets, so their sources must be present to
# resolve the package, although only the credeau product is built.
COPY Package.swift ./
COPY Sources ./Sources
COPY Benchmarks ./Benchmarks
COPY Tests ./Tests
# --static-swift-stdlib links the Swift runtime and Foundation into the binary, so the runtime
# stage needs no Swift toolchain, only the Debian C libraries below.
RUN swift build -c release --product credeau --static-swift-stdlib \
    && install -D -m 0755 "$(swift build -c release --show-bin-path)/credeau" /out/credeau

FROM debian:bookworm-slim AS runtime
# ca-certificates links nothing; libpq and libmongoc read it for TLS connections to the databases.
# The statically linked Swift runtime also needs libstdc++6 and libgcc-s1, which the base image has.
# runtime-packages-begin
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        ca-certificates \
        libbson-1.0-0 \
        libcurl4 \
        libmicrohttpd12 \
        libmongoc-1.0-0 \
        libpcre2-8-0 \
        libpq5 \
        libsimdjson14 \
        libsqlite3-0 \
        libssl3 \
        zlib1g \
    && rm -rf /var/lib/apt/lists/*
# runtime-packages-end
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/credeau --create-home \
        --shell /usr/sbin/nologin credeau
COPY --from=build /out/credeau /usr/local/bin/credeau
USER 10001:10001
# The SQLite default (./credeau.db) lands here when no database server is configured.
WORKDIR /var/lib/credeau
EXPOSE 8000 8082
# Probes whichever service runs: serve-insights listens on 8000, serve-sms on 8082. A service
# started on another port needs its own health check. bash's /dev/tcp keeps curl out of the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=15s --retries=3 \
    CMD ["bash", "-c", "for port in 8000 8082; do { exec 3<>/dev/tcp/127.0.0.1/$port; } 2>/dev/null || continue; printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3; head -n 1 <&3 | grep -q ' 200 ' && exit 0; exec 3<&-; done; exit 1"]
ENTRYPOINT ["credeau"]
CMD ["serve-insights"]
