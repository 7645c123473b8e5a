# shellcheck shell=bash
# Shared by Scripts/container-smoke and Scripts/container-standins: where things are, which
# container engine to drive, and the podman settings the project's machines need.
# Sourced, never run; it defines functions and a few variables and changes nothing by itself.
# shellcheck disable=SC2034  # the variables are for the scripts that source this file

containers_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$containers_dir/../.." && pwd)

# The images the Dockerfile builds from when nothing overrides them (its ARG defaults).
default_swift_image=swift:6.3.1-bookworm
default_runtime_image=debian:bookworm-slim

# Prints a line on stderr, so that stdout stays free for what a script returns.
note() { printf '%s\n' "$*" >&2; }

# Prints the folder kept between runs on one machine (debootstrap rootfs, logs of the last run).
container_cache_dir() {
    printf '%s\n' "${SCO_CONTAINER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sco-api/containers}"
}

# Sets ENGINE to docker or podman: SCO_CONTAINER_ENGINE when given, else docker when a Docker
# engine answers (the client alone is not enough), else podman. For podman it points
# CONTAINERS_CONF at this folder's containers.conf unless the caller chose one.
select_engine() {
    ENGINE=${SCO_CONTAINER_ENGINE:-}
    if [ -z "$ENGINE" ]; then
        if command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; then
            ENGINE=docker
        elif command -v podman >/dev/null 2>&1; then
            ENGINE=podman
        else
            note "no container engine: install podman (apt-get install podman buildah runc) or run a Docker engine"
            return 1
        fi
    fi
    case "$ENGINE" in
        podman) export CONTAINERS_CONF="${CONTAINERS_CONF:-$containers_dir/containers.conf}" ;;
        docker) ;;
        *) note "SCO_CONTAINER_ENGINE must be docker or podman, not '$ENGINE'"; return 1 ;;
    esac
}

# Prints the name under which IMAGE can be built from: found in the engine's local store, or
# pulled (within a minute). Fails, printing nothing, when neither works.
resolve_image() {
    local image=$1
    # podman refuses unqualified names unless registries.conf lists a search registry (and its
    # local look-up of a short name may match any repository ending in it); for the
    # Dockerfile's defaults they mean Docker Hub, so ask for that by its full name.
    case "$image" in
        */*) ;;
        *) image="docker.io/library/$image" ;;
    esac
    "$ENGINE" image inspect "$image" >/dev/null 2>&1 \
        || timeout 60 "$ENGINE" pull --quiet "$image" >/dev/null 2>&1 \
        || return 1
    printf '%s\n' "$image"
}
