# Multi-stage image for credeau. Build: docker build -t credeau .
# The runtime stage carries only the shared libraries the binary links (see the test that
# compares them with the binary's dynamic dependencies).

ARG SWIFT_VERSION=6.3
FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        pkg-config libpcre2-dev libsqlite3-dev libbson-dev libmongoc-dev libpq-dev libmicrohttpd-dev \
        zlib1g-dev libssl-dev libcurl4-openssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Benchmarks ./Benchmarks
COPY Tests ./Tests
RUN swift build -c release --product credeau --static-swift-stdlib \
    && install -D -m 0755 "$(swift build -c release --show-bin-path)/credeau" /out/credeau

FROM debian:bookworm-slim AS runtime
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
        libsqlite3-0 \
        libssl3 \
        zlib1g \
    && rm -rf /var/lib/apt/lists/*
# runtime-packages-end
RUN useradd --system --uid 10001 --home-dir /var/lib/credeau --create-home credeau
COPY --from=build /out/credeau /usr/local/bin/credeau
USER credeau
WORKDIR /var/lib/credeau
EXPOSE 8000 8082
# Probes whichever service runs: serve-insights listens on 8000, serve-sms on 8082. bash's
# /dev/tcp keeps curl out of the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
    CMD bash -c 'for port in 8000 8082; do exec 3<>/dev/tcp/127.0.0.1/$port 2>/dev/null || continue; \
        printf "GET /health HTTP/1.0\r\n\r\n" >&3; head -1 <&3 | grep -q " 200 " && exit 0; done; exit 1'
ENTRYPOINT ["credeau"]
CMD ["serve-insights"]
