#!/bin/sh
# Arguments as the official redis image takes them: `redis-server [options]`, options alone, or another command.
# redis-server starts from /usr/local/etc/redis/container.conf (all interfaces, protected mode off, data in /data).
set -e
case "${1:-}" in
  -*) set -- redis-server "$@" ;;
esac
if [ "${1:-}" = redis-server ]; then
  shift
  exec redis-server /usr/local/etc/redis/container.conf "$@"
fi
exec "$@"
