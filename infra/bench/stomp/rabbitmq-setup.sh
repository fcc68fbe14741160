#!/usr/bin/env bash
# Prepares the local RabbitMQ (Debian package) as the comparison target of bench.mjs, as root:
#   1. Web-STOMP (and the STOMP plugin it needs) bound to 127.0.0.1 only, and the WebSocket idle timeout raised from
#      60 s to 1 h (connections with heart-beat 0,0 send nothing), via /etc/rabbitmq/conf.d/90-stomp-bench.conf
#   2. rabbitmq-plugins enable rabbitmq_web_stomp
#   3. restart with a raised open-files limit (default 20000) and wait (bounded) until `rabbitmqctl status` answers
#   4. check the limit really reached the broker and that ws://127.0.0.1:15674/ws listens
# Usage: infra/bench/stomp/rabbitmq-setup.sh [nofile=20000]
#
# Why not just `ulimit -n 20000; rabbitmq-server -detached`: as root, /usr/sbin/rabbitmq-server re-executes itself
# through `su rabbitmq`, and su's pam_limits sets the soft limit back to 1024 (RabbitMQ then allows ~830 sockets).
# So the limit is raised inside the su, as the rabbitmq user (allowed up to the hard limit).
set -euo pipefail
nofile=${1:-20000}
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
command -v rabbitmqctl >/dev/null || { echo "RabbitMQ is not installed (apt-get install rabbitmq-server)" >&2; exit 1; }
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt "$nofile" ]; then echo "hard open-files limit is $hard < $nofile" >&2; exit 1; fi

lock=/tmp/livehall-stomp-bench.lock   # held by a running bench.mjs: restarting RabbitMQ under it spoils its figures
if [ -f "$lock" ] && grep -q 'bench\.mjs' "/proc/$(cat "$lock")/cmdline" 2>/dev/null; then
  echo "a benchmark run (pid $(cat "$lock")) is in progress; not touching RabbitMQ now" >&2; exit 1
fi

mkdir -p /etc/rabbitmq/conf.d
cat > /etc/rabbitmq/conf.d/90-stomp-bench.conf <<'EOF'
# Live Hall STOMP benchmark (infra/bench/stomp): Web-STOMP and STOMP listeners on loopback only
web_stomp.tcp.ip = 127.0.0.1
web_stomp.tcp.port = 15674
stomp.listeners.tcp.1 = 127.0.0.1:61613
# Cowboy closes a WebSocket after 60 s without a frame from the client (received traffic does not count); the
# bench's connections use heart-beat 0,0 and send nothing after SUBSCRIBE, so allow 1 h of client silence
web_stomp.ws_opts.idle_timeout = 3600000
EOF
rabbitmq-plugins enable rabbitmq_web_stomp >/dev/null 2>&1 || rabbitmq-plugins --offline enable rabbitmq_web_stomp

if rabbitmqctl -q status >/dev/null 2>&1; then
  echo "stopping RabbitMQ …"
  timeout 120 rabbitmqctl stop >/dev/null
fi
# wait (bounded) for the old node to be gone
for _ in $(seq 60); do pgrep -f 'beam.smp.*rabbit' >/dev/null 2>&1 || break; sleep 1; done
echo "starting RabbitMQ with ulimit -n $nofile …"
su rabbitmq -s /bin/sh -c "ulimit -n $nofile && cd /var/lib/rabbitmq && /usr/sbin/rabbitmq-server -detached"
ok=
for i in $(seq 90); do
  if rabbitmqctl -q status >/dev/null 2>&1; then ok=1; echo "up after ${i} s"; break; fi
  sleep 1
done
[ -n "$ok" ] || { echo "RabbitMQ did not come up within 90 s; see /var/log/rabbitmq/" >&2; exit 1; }
# the web-stomp listener starts with the node; wait (bounded) for it
for _ in $(seq 30); do ss -ltn | grep -q '127.0.0.1:15674 ' && break; sleep 1; done

pid=$(pgrep -f 'beam.smp.*rabbit' | head -1)
echo "beam.smp pid $pid: $(grep 'Max open files' /proc/"$pid"/limits)"
rabbitmq-diagnostics -q status 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | grep -A3 'File Descriptors' | grep -v '^$' || true
ss -ltn | grep -E '127.0.0.1:(15674|61613) ' || { echo "web-stomp is not listening on 127.0.0.1:15674" >&2; exit 1; }
echo "RabbitMQ $(rabbitmqctl version) ready: ws://127.0.0.1:15674/ws"
