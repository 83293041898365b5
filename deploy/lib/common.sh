# shellcheck shell=bash
# Shared by deploy/build-images, deploy/container-smoke and deploy/docker-build-images (sourced, not run).
# The sourcing script sets ROOT (the repository) and PROGRAM (its name, for messages).

# The four services, in the order they start; their image names are rare-earth/<service>
# (the root pom's image.group and each module's artifactId: one place, see pom.xml).
# shellcheck disable=SC2034 # used by the scripts that source this file
SERVICES=(ingest-service scenario-service simulation-service network-service)

say() { printf '%s %s\n' "[$(date +%H:%M:%S)] ${PROGRAM:-deploy}:" "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# Seconds since the script started (bash's own clock).
elapsed() { echo "${SECONDS}s"; }

# Installs the Debian packages that are missing (idempotent: nothing happens when all are there).
# Packages come from the machine's configured apt sources; no host is named here.
need_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
  say "installing Debian packages: ${missing[*]}"
  # another apt run on the machine holds the lock for a while: wait for it instead of failing
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
}

# podman as it works on these machines (deploy/README.md): runc (crun fails on this kernel's
# cgroups), cgroupfs, file events (no systemd), and a private storage root under target/ so that
# nothing is shared with another user's images. Containers always use --network host.
# Storage: overlay when the kernel has it and the store is not itself on overlayfs (a layer costs its
# own size), else vfs (every layer a full copy: several GB and minutes for four images);
# PODMAN_STORAGE_DRIVER forces one. podman_pick_storage falls back to vfs when overlay does not work.
PODMAN_STORAGE_DRIVER="${PODMAN_STORAGE_DRIVER:-}"
podman_in() {
  local store="$1"; shift
  podman --root "$store/root" --runroot "$store/run" --storage-driver "${PODMAN_STORAGE_DRIVER:-vfs}" \
    --runtime runc --cgroup-manager cgroupfs --events-backend file "$@"
}
podman_pick_storage() {
  local store="$1"
  [ -n "$PODMAN_STORAGE_DRIVER" ] && return 0
  mkdir -p "$store"
  PODMAN_STORAGE_DRIVER=vfs
  if grep -qw overlay /proc/filesystems && [ "$(stat -f -c %T "$store")" != overlayfs ]; then
    PODMAN_STORAGE_DRIVER=overlay
    # a real mount is the only proof: podman info sets up the driver
    if ! podman_in "$store" info > /dev/null 2>&1; then
      rm -rf "${store:?}/root" "${store:?}/run"
      PODMAN_STORAGE_DRIVER=vfs
    fi
  fi
}

# Removes a private storage: the overlay driver bind-mounts its directory onto itself, and a mount
# may outlive podman when a command failed, so unmount what is still mounted below it first.
podman_remove_store() {
  local store="$1" m
  [ -d "$store" ] || return 0
  store="$(cd "$store" && pwd -P)"
  { findmnt -rn -o TARGET | grep -F "$store/" || true; } | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$store"
}

# A TCP port on 127.0.0.1 that nothing listens on, at or above $1.
free_port() {
  local port="$1"
  while ss -Hltn "sport = :$port" | grep -q .; do port=$((port + 1)); done
  echo "$port"
}

# The project version: the tag of every image (the root pom's image.tag = ${project.version}).
project_version() {
  sed -n '/<artifactId>rare-earth-trade<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' \
    "$ROOT/pom.xml" | head -1
}
