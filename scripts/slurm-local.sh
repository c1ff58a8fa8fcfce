#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, to try the job scripts of docs/cluster.md for real (and
# for the CI test SlurmClusterTests): munged, slurmctld and slurmd on localhost, cgroup-free plugins
# (proctrack/linuxproc, task/none), every file (configuration, munge key and socket, state, spool,
# logs, pid files) under one state folder. Runs as root (slurmd starts jobs as their user).
#
#   scripts/slurm-local.sh install   installs slurmctld, slurmd, slurm-client and munge when missing
#   scripts/slurm-local.sh start     (re)writes the configuration, starts the daemons, waits for the
#                                    node to be idle; prints the state folder and `export SLURM_CONF=…`
#   scripts/slurm-local.sh status    daemons, node and queue
#   scripts/slurm-local.sh stop      cancels the jobs, stops the daemons it started, checks none is left
#   scripts/slurm-local.sh env       prints `export SLURM_CONF=…` for sbatch, squeue, scancel, sinfo
#
# The state folder is $SLURM_LOCAL_DIR, default ${TMPDIR:-/tmp}/sparse-scaling-slurm-<checkout hash>
# (one per checkout, so that two checkouts never share a cluster). `start` stops a cluster left
# behind in that folder and starts from an empty one. Ports: the first free ones from 6817
# ($SLURM_LOCAL_PORT to change). Exit status 1 with a one-line `error:` when something is missing or
# does not start (the reason and the log's last lines on stderr).
set -euo pipefail

# A caller may hand down blocked or ignored signals (a test runner's worker thread blocks most):
# the daemons would inherit them and never see SIGTERM. Run afresh with none blocked, and the
# usual ones at their default action (perl-base is part of every Debian system).
if [[ -z "${SLURM_LOCAL_SIGNALS_RESET:-}" ]] && command -v perl > /dev/null 2>&1; then
  export SLURM_LOCAL_SIGNALS_RESET=1
  exec perl -MPOSIX -e '
    sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die "sigprocmask: $!";
    $SIG{$_} = "DEFAULT" for qw(HUP INT QUIT PIPE TERM USR1 USR2 CHLD ALRM);
    exec { $ARGV[0] } @ARGV or die "exec: $!";' /bin/bash "$0" "$@"
fi
unset SLURM_LOCAL_SIGNALS_RESET

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${SLURM_LOCAL_DIR:-${TMPDIR:-/tmp}/sparse-scaling-slurm-$(printf '%s' "$root" | cksum | cut -d' ' -f1)}"
conf="$dir/slurm.conf"
timeout="${SLURM_LOCAL_TIMEOUT:-60}"
packages=(slurmctld slurmd slurm-client munge)
export SLURM_CONF="$conf"
PATH="$PATH:/usr/sbin:/sbin"

fail() { echo "error: $*" >&2; exit 1; }

# The programs a cluster needs, missing ones listed.
missing_programs() {
  local program
  for program in munged munge unmunge slurmctld slurmd sinfo sbatch squeue scancel scontrol; do
    command -v "$program" > /dev/null 2>&1 || echo "$program"
  done
}

install() {
  local missing
  missing="$(missing_programs | tr '\n' ' ')"
  if [[ -z "$missing" ]]; then echo "slurm-local: Slurm and munge are installed"; return; fi
  command -v apt-get > /dev/null 2>&1 || fail "missing $missing and no apt-get; install Slurm (slurmctld, slurmd, client) and munge"
  local sudo_cmd=""
  [[ "$(id -u)" -eq 0 ]] || sudo_cmd="sudo"
  echo "slurm-local: installing ${packages[*]} (missing: $missing) ..." >&2
  $sudo_cmd apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null \
    || fail "apt-get install ${packages[*]} failed"
  missing="$(missing_programs | tr '\n' ' ')"
  [[ -z "$missing" ]] || fail "still missing after the install: $missing"
  echo "slurm-local: installed ${packages[*]}"
}

# The pid in $1 if it is alive and runs the program $2.
live_pid() {
  local file="$1" program="$2" pid
  [[ -f "$file" ]] || return 1
  pid="$(tr -dc '0-9' < "$file")"
  [[ -n "$pid" && -d "/proc/$pid" ]] || return 1
  local comm=""
  read -r comm 2> /dev/null < "/proc/$pid/comm" || return 1
  [[ "$comm" == "$program" ]] || return 1
  echo "$pid"
}

# Sends SIGTERM to the daemons of the pid files $1, $2, … (each "file:program"), waits for them to
# end, and sends SIGKILL to any still running after 20 s.
stop_daemons() {
  local entry pid pids=() names=() i alive
  for entry in "$@"; do
    pid="$(live_pid "${entry%%:*}" "${entry##*:}")" || continue
    kill -TERM "$pid" 2> /dev/null || true
    pids+=("$pid")
    names+=("${entry##*:}")
  done
  for i in $(seq 1 200); do
    alive=0
    for pid in "${pids[@]}"; do [[ -d "/proc/$pid" ]] && alive=1; done
    [[ $alive -eq 1 ]] || return 0
    sleep 0.1
  done
  for i in "${!pids[@]}"; do
    if [[ -d "/proc/${pids[$i]}" ]]; then
      echo "slurm-local: ${names[$i]} (${pids[$i]}) ignored SIGTERM for 20 s; sending SIGKILL" >&2
      kill -KILL "${pids[$i]}" 2> /dev/null || true
    fi
  done
  for i in $(seq 1 50); do
    alive=0
    for pid in "${pids[@]}"; do [[ -d "/proc/$pid" ]] && alive=1; done
    [[ $alive -eq 1 ]] || return 0
    sleep 0.1
  done
}

# The job steps of this cluster: slurmstepd processes whose working folder is the spool folder.
step_pids() {
  local entry pid comm
  for entry in /proc/[0-9]*; do
    pid="${entry#/proc/}"
    comm=""
    read -r comm 2> /dev/null < "$entry/comm" || continue
    [[ "$comm" == "slurmstepd" ]] || continue
    [[ "$(readlink "$entry/cwd" 2> /dev/null)" == "$dir/spool"* ]] && echo "$pid"
  done
  return 0
}

stop() {
  local pid i
  if [[ -d "$dir" ]] && live_pid "$dir/slurmctld.pid" slurmctld > /dev/null; then
    # Cancel every job so that slurmd ends their steps; then wait for the steps to go.
    scancel --quiet --full --partition=local 2> /dev/null || true
    for i in $(seq 1 150); do
      [[ -z "$(step_pids)" ]] && break
      sleep 0.1
    done
  fi
  stop_daemons "$dir/slurmd.pid:slurmd" "$dir/slurmctld.pid:slurmctld"
  for pid in $(step_pids); do
    echo "slurm-local: job step $pid still running; sending SIGKILL" >&2
    kill -KILL -- "-$pid" 2> /dev/null || kill -KILL "$pid" 2> /dev/null || true
  done
  stop_daemons "$dir/munged.pid:munged"
  local left=""
  for daemon in slurmd slurmctld munged; do
    if pid="$(live_pid "$dir/$daemon.pid" "$daemon")"; then left+=" $daemon($pid)"; fi
  done
  [[ -z "$left" ]] || fail "still running:$left"
  echo "slurm-local: stopped (state folder $dir)"
}

# The first port from $1 on which nothing listens on localhost, other than $2.
free_port() {
  local port="$1"
  while [[ "$port" == "${2:-}" ]] || (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do
    port=$((port + 1))
    [[ $port -lt $(($1 + 200)) ]] || fail "no free port in $1…$port"
  done
  echo "$port"
}

# Prints the last lines of a daemon's log, then fails with $2.
fail_with_log() {
  [[ -f "$1" ]] && { echo "--- last lines of $1:" >&2; tail -n 15 "$1" >&2; }
  fail "$2"
}

write_configuration() {
  # The node as slurmd sees it (CPUs, sockets, cores, threads, memory), so it is never drained as
  # smaller than configured.
  local hardware memory cpus
  hardware="$(slurmd -C 2> /dev/null | head -n 1 | tr ' ' '\n' | grep -E '^(CPUs|Boards|SocketsPerBoard|CoresPerSocket|ThreadsPerCore|RealMemory)=' | tr '\n' ' ')"
  memory="$(sed -n 's/^RealMemory=//p' <<< "$(tr ' ' '\n' <<< "$hardware")")"
  cpus="$(sed -n 's/^CPUs=//p' <<< "$(tr ' ' '\n' <<< "$hardware")")"
  if [[ -z "$memory" || -z "$cpus" ]]; then
    cpus="$(nproc)"
    memory="$(($(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo) / 1024))"
    hardware="CPUs=$cpus RealMemory=$memory"
  fi
  local controller_port node_port
  controller_port="$(free_port "${SLURM_LOCAL_PORT:-6817}")"
  node_port="$(free_port $((controller_port + 1)) "$controller_port")"
  : > "$dir/plugstack.conf"
  cat > "$conf" << EOF
# Written by scripts/slurm-local.sh: a one-node cluster on localhost without cgroups.
ClusterName=sparselocal
SlurmctldHost=localhost
SlurmctldPort=$controller_port
SlurmdPort=$node_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
PlugStackConfig=$dir/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=$((memory / cpus))
ReturnToService=2
MinJobAge=600
KillWait=5
InactiveLimit=0
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=localhost NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=local Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
}

# Closes the descriptors this script inherited beyond stdin, stdout and stderr (e.g. a caller's
# pipe or socket): munged keeps every open descriptor for its lifetime, so a caller waiting for
# them to close would wait until munged stops.
close_inherited_descriptors() {
  local entry fd
  for entry in /proc/$$/fd/*; do
    fd="${entry##*/}"
    [[ "$fd" =~ ^[0-9]+$ && "$fd" -gt 2 && "$fd" -ne 255 ]] || continue
    eval "exec $fd>&-" 2> /dev/null || true
  done
}

start() {
  close_inherited_descriptors
  [[ "$(id -u)" -eq 0 ]] || fail "start needs root (slurmd runs jobs as their user); run it as root"
  local missing
  missing="$(missing_programs | tr '\n' ' ')"
  [[ -z "$missing" ]] || fail "Slurm is not installed (missing: $missing); run scripts/slurm-local.sh install"

  # A cluster left behind in this folder is stopped, and its state removed.
  if [[ -d "$dir" ]]; then stop > /dev/null; rm -rf "$dir"; fi
  mkdir -p "$dir"/{state,spool,log,munge}
  chmod 700 "$dir" "$dir/munge"
  # Whatever fails from here on, nothing is left running.
  trap 'stop > /dev/null 2>&1 || true' EXIT

  # munge: a fresh key of this cluster, and a private socket.
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$dir/munge/munge.key"
  munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" \
    < /dev/null > "$dir/log/munged.out" 2>&1 || fail_with_log "$dir/log/munged.out" "munged did not start"
  munge -n -S "$dir/munge/munge.socket" 2> /dev/null | unmunge -S "$dir/munge/munge.socket" > /dev/null 2>&1 \
    || fail_with_log "$dir/log/munged.log" "munge does not answer on $dir/munge/munge.socket"

  write_configuration
  slurmctld -f "$conf" < /dev/null > "$dir/log/slurmctld.out" 2>&1 \
    || fail_with_log "$dir/log/slurmctld.log" "slurmctld did not start"
  slurmd -f "$conf" -N localhost < /dev/null > "$dir/log/slurmd.out" 2>&1 \
    || fail_with_log "$dir/log/slurmd.log" "slurmd did not start"

  # Wait until the node is idle.
  local state="" i daemon
  for i in $(seq 1 $((timeout * 2))); do
    state="$(sinfo -h -n localhost -o %T 2> /dev/null | head -n 1)"
    [[ "$state" == "idle" ]] && break
    # A daemon writes its pid file a moment after it forks; one without it after 10 s did not start.
    for daemon in slurmctld slurmd; do
      if [[ -f "$dir/$daemon.pid" || $i -gt 20 ]]; then
        live_pid "$dir/$daemon.pid" "$daemon" > /dev/null || fail_with_log "$dir/log/$daemon.log" "$daemon stopped"
      fi
    done
    sleep 0.5
  done
  if [[ "$state" != "idle" ]]; then
    tail -n 15 "$dir/log/slurmd.log" >&2 || true
    fail_with_log "$dir/log/slurmctld.log" "the node is '${state:-unknown}', not idle, after ${timeout} s"
  fi
  trap - EXIT
  echo "slurm-local: cluster up, node localhost idle ($(sed -n 's/^NodeName=localhost NodeAddr=127.0.0.1 //p' "$conf" | sed 's/ State=UNKNOWN//'))"
  echo "slurm-local: state folder $dir"
  echo "export SLURM_CONF=$conf"
}

status() {
  local daemon pid
  echo "state folder: $dir"
  for daemon in munged slurmctld slurmd; do
    if pid="$(live_pid "$dir/$daemon.pid" "$daemon")"; then echo "$daemon: running ($pid)"; else echo "$daemon: not running"; fi
  done
  if live_pid "$dir/slurmctld.pid" slurmctld > /dev/null; then
    sinfo -N -o "%N %T %c %m" || true
    squeue -o "%i %j %T %r" || true
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) [[ -d "$dir" ]] && stop || echo "slurm-local: nothing to stop (no $dir)" ;;
  status) status ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) echo "error: expected a subcommand: install, start, status, stop or env" >&2; exit 2 ;;
esac
