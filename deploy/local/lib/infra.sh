# shellcheck shell=bash
# PostgreSQL, Kafka and an SMTP server without Docker: the building blocks shared by `stack` (the local suite) and
# `test-infra` (what the tests and CI run against). Sourced, never executed.

TIERCARE_ROOT=${TIERCARE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
KAFKA_LIB_DIR="$TIERCARE_ROOT/deploy/local/kafka/target/lib"

log() { printf '[%s] %s\n' "${LOG_TAG:-tiercare}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds what
  local port=$1 secs=$2 what=$3 i
  for ((i = 0; i < secs * 10; i++)); do
    port_open "$port" && return 0
    sleep 0.1
  done
  die "$what did not open port $port within ${secs}s"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Stops the process whose PID file we wrote, and only that one.
stop_pidfile() { # pidfile what
  local pidfile=$1 what=$2 pid i
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; return 0; fi
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; log "$what stopped"; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  log "$what killed after 30s"
}

# ---------------------------------------------------------------- PostgreSQL

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

pg_ensure_installed() {
  pg_bin_dir >/dev/null && return 0
  if is_root && command -v apt-get >/dev/null; then
    log "installing PostgreSQL server binaries (apt-get install postgresql)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin_dir >/dev/null && return 0
  fi
  die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin.
  On Debian/Ubuntu run as root: apt-get install postgresql   (elsewhere install PostgreSQL 14+ server binaries)"
}

# PostgreSQL refuses to run as root: as root we run it as the unprivileged 'postgres' user.
pg_as_owner() {
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_start DATA_DIR PORT [durable|throwaway]
pg_start() {
  local dir=$1 port=$2 mode=${3:-durable} bin
  pg_ensure_installed
  bin=$(pg_bin_dir)
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    is_root && chown postgres: "$dir" && chmod 700 "$dir"
    log "initialising PostgreSQL cluster in $dir"
    pg_as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = ''"
      echo "max_connections = 300"
      echo "shared_buffers = 256MB"
      if [ "$mode" = throwaway ]; then
        # a throwaway test cluster: speed over crash safety
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
      fi
    } | pg_as_owner tee -a "$dir/postgresql.conf" >/dev/null
  fi
  if pg_as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "PostgreSQL already running on port $port"
    return 0
  fi
  pg_as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null \
    || {
      tail -n 20 "$dir/server.log" >&2 2>/dev/null
      die "PostgreSQL failed to start, see $dir/server.log"
    }
  log "PostgreSQL listening on 127.0.0.1:$port"
}

pg_stop() { # DATA_DIR
  local dir=$1 bin
  [ -f "$dir/postmaster.pid" ] || return 0
  bin=$(pg_bin_dir) || return 0
  pg_as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 && log "PostgreSQL stopped"
  return 0
}

psql_bin() { echo "$(pg_bin_dir)/psql"; }

# ---------------------------------------------------------------- Kafka

kafka_jars_present() { compgen -G "$KAFKA_LIB_DIR/kafka_2.13-*.jar" >/dev/null && compgen -G "$KAFKA_LIB_DIR/slf4j-simple-*.jar" >/dev/null; }

kafka_ensure_jars() {
  kafka_jars_present && return 0
  log "resolving the Kafka broker's jars from Maven Central"
  (cd "$TIERCARE_ROOT" && ./mvnw -B -q -f deploy/local/kafka/pom.xml package) >&2 \
    || die "could not resolve the Kafka broker jars"
  kafka_jars_present || die "Kafka broker jars missing in $KAFKA_LIB_DIR"
}

# kafka_start DIR PORT CONTROLLER_PORT
kafka_start() {
  local dir=$1 port=$2 cport=$3 cluster_id
  kafka_ensure_jars
  if pid_alive "$dir/kafka.pid"; then
    log "Kafka already running on port $port"
    return 0
  fi
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# the log cleaner looks for work every second (15 s by default), so compaction is seen soon after it is due
log.cleaner.backoff.ms=1000
EOF
  if [ ! -f "$dir/data/meta.properties" ]; then
    # base64url of 16 random bytes, without '-' or '_': an id starting with '-' reads as an option (1 run in 64)
    cluster_id=$(head -c16 /dev/urandom | base64 | tr '+/' 'AB' | tr -d '=')
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIB_DIR/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
      >"$dir/format.log" 2>&1 || {
      # CI wipes the directory on exit: what went wrong is printed, not only left in the file
      tail -n 20 "$dir/format.log" >&2
      die "formatting Kafka storage failed, see $dir/format.log"
    }
  fi
  setsid nohup java -Xms128m -Xmx512m -XX:+UseSerialGC -cp "$KAFKA_LIB_DIR/*" kafka.Kafka "$dir/server.properties" \
    </dev/null >"$dir/kafka.log" 2>&1 &
  echo $! >"$dir/kafka.pid"
  wait_port "$port" 60 Kafka
  log "Kafka listening on 127.0.0.1:$port"
}

kafka_stop() { stop_pidfile "$1/kafka.pid" Kafka; }

# kafka_create_topics BOOTSTRAP PARTITIONS TOPIC...
kafka_create_topics() {
  local bootstrap=$1 partitions=$2
  shift 2
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIB_DIR/*" \
    "$TIERCARE_ROOT/deploy/local/kafka/CreateTopics.java" "$bootstrap" "$partitions" "$@" \
    || die "creating Kafka topics failed"
}

# ---------------------------------------------------------------- SMTP
# A real SMTP server for outgoing mail: aiosmtpd (Debian: python3-aiosmtpd), keeping every message it receives as
# <dir>/mail/<n>.eml and <n>.json (deploy/local/smtp/mailbox.py), where people and tests read them.

smtp_python_found() {
  local candidate
  for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import aiosmtpd' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

smtp_python() {
  smtp_python_found && return 0
  if is_root && command -v apt-get >/dev/null; then
    log "installing the SMTP server (apt-get install python3-aiosmtpd)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
    smtp_python_found && return 0
  fi
  die "the SMTP server needs aiosmtpd. On Debian/Ubuntu run as root: apt-get install python3-aiosmtpd"
}

smtp_start() { # DIR PORT
  local dir=$1 port=$2 python
  if pid_alive "$dir/smtp.pid"; then
    log "SMTP server already running on port $port"
    return 0
  fi
  python=$(smtp_python)
  mkdir -p "$dir/mail"
  PYTHONPATH="$TIERCARE_ROOT/deploy/local/smtp" setsid nohup "$python" -m aiosmtpd -n -u -l "127.0.0.1:$port" \
    -c mailbox.JsonMailbox "$dir/mail" </dev/null >"$dir/smtp.log" 2>&1 &
  echo $! >"$dir/smtp.pid"
  wait_port "$port" 20 "SMTP server"
  log "SMTP server listening on 127.0.0.1:$port (messages in $dir/mail)"
}

smtp_stop() { stop_pidfile "$1/smtp.pid" "SMTP server"; }
