// The backing services the cluster runs for development: Kafka, Redis and a MongoDB-wire database (FerretDB).
import path from 'node:path';
import { toolchainPaths } from '../../toolchain/paths.js';
import { aptInstall, debianImage, directoryFiles, imagesDir } from './debian-image.js';
import type { Recipe } from './recipe.js';

/** The uid and gid every dependency image runs as (the pods' securityContext must use the same). */
export const dependencyUser = 1000;

function user(name: string, home: string): string {
  return `groupadd --gid ${dependencyUser} ${name} && useradd --uid ${dependencyUser} --gid ${name} --home-dir ${home} --no-create-home --shell /usr/sbin/nologin ${name}`;
}

const kafka = debianImage({
  name: 'kafka',
  repo: 'commercex/kafka',
  // openjdk's postinst links its man pages, and the base keeps no /usr/share/man.
  setup: ['mkdir -p /usr/share/man/man1', aptInstall(['openjdk-17-jre-headless']), user('kafka', '/var/lib/kafka'),
    `install -d -o ${dependencyUser} -g ${dependencyUser} /var/lib/kafka/data`].join('\n'),
  files: () => [
    ...directoryFiles(toolchainPaths.kafkaLibs, '/opt/kafka/libs', 'build it with `npm run toolchain -- kafka`'),
    { from: toolchainPaths.kafkaLog4j2Config, to: '/opt/kafka/config/log4j2.yaml', mode: 0o644 },
    { from: path.join(imagesDir, 'kafka-entrypoint.sh'), to: '/usr/local/bin/kafka-entrypoint', mode: 0o755 },
  ],
  config: ['--entrypoint', '["/usr/local/bin/kafka-entrypoint"]', '--cmd', '[]', '--user', `${dependencyUser}:${dependencyUser}`,
    '--workingdir', '/var/lib/kafka', '--port', '9092/tcp', '--port', '9093/tcp'],
});

const redis = debianImage({
  name: 'redis',
  repo: 'commercex/redis',
  // The user first, so the package's postinst finds it instead of creating a system user with another uid. The config
  // sits outside /etc/redis, which the package keeps to its own user: a pod may run as any uid.
  // /etc/redis is the package's 0750: opened up so the config is readable whatever uid the pod runs as.
  setup: [user('redis', '/data'), aptInstall(['redis-server']), `install -d -o ${dependencyUser} -g ${dependencyUser} /data`, 'chmod 0755 /etc/redis'].join('\n'),
  files: () => [
    { from: path.join(imagesDir, 'redis-container.conf'), to: '/usr/local/etc/redis/container.conf', mode: 0o644 },
    { from: path.join(imagesDir, 'redis-entrypoint.sh'), to: '/usr/local/bin/redis-entrypoint', mode: 0o755 },
  ],
  config: ['--entrypoint', '["/usr/local/bin/redis-entrypoint"]', '--cmd', '["redis-server"]', '--user', `${dependencyUser}:${dependencyUser}`,
    '--workingdir', '/data', '--port', '6379/tcp'],
});

// FerretDB reads every flag from FERRETDB_* variables, so the pod needs no arguments; its SQLite files go to /data/db.
const ferretdbEnv = {
  FERRETDB_HANDLER: 'sqlite',
  FERRETDB_SQLITE_URL: 'file:/data/db/',
  FERRETDB_STATE_DIR: '/data/db',
  FERRETDB_LISTEN_ADDR: '0.0.0.0:27017',
  FERRETDB_TELEMETRY: 'disable',
  FERRETDB_DEBUG_ADDR: '-',
  FERRETDB_LOG_LEVEL: 'warn',
};

const mongodb = debianImage({
  name: 'mongodb',
  repo: 'commercex/mongodb',
  setup: [user('ferretdb', '/data/db'), `install -d -o ${dependencyUser} -g ${dependencyUser} /data/db`].join('\n'),
  files: () => [{ from: toolchainPaths.ferretdb, to: '/usr/local/bin/ferretdb', mode: 0o755, hint: 'build it with `npm run toolchain -- ferretdb`' }],
  config: ['--entrypoint', '["/usr/local/bin/ferretdb"]', '--cmd', '[]', '--user', `${dependencyUser}:${dependencyUser}`,
    '--workingdir', '/data/db', '--port', '27017/tcp', ...Object.entries(ferretdbEnv).flatMap(([k, v]) => ['--env', `${k}=${v}`])],
});

export function dependencyImages(): Recipe[] {
  return [kafka, redis, mongodb];
}
