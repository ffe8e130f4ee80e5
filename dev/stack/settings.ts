// Where the self-hosted stack listens and keeps its data; every port moves with one variable.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface PortSetting {
  readonly what: string;
  readonly variable: string;
  readonly port: number;
}

function portFrom(variable: string, fallback: number, what: string, env: NodeJS.ProcessEnv): PortSetting {
  const raw = env[variable];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${variable}=${raw} is not a port number (1-65535)`);
  }
  return { what, variable, port };
}

export interface InfraPorts {
  readonly kafka: PortSetting;
  readonly kafkaController: PortSetting;
  readonly redis: PortSetting;
  readonly mongo: PortSetting;
  readonly paymentProvider: PortSetting;
}

export function infraPorts(env: NodeJS.ProcessEnv = process.env): InfraPorts {
  return {
    kafka: portFrom('KAFKA_PORT', 9092, 'Kafka broker', env),
    kafkaController: portFrom('KAFKA_CONTROLLER_PORT', 9093, 'Kafka controller', env),
    redis: portFrom('REDIS_PORT', 6379, 'Redis', env),
    mongo: portFrom('MONGO_PORT', 27017, 'FerretDB (MongoDB wire protocol)', env),
    paymentProvider: portFrom('PAYMENT_PROVIDER_PORT', 4010, 'payment-provider simulator', env),
  };
}

/** The variables components/local/*.yaml and the services read, for a stack on these ports. */
export function stackVariables(ports: InfraPorts, stateDir: string): Record<string, string> {
  return {
    KAFKA_BROKERS: `127.0.0.1:${ports.kafka.port}`,
    REDIS_HOST: `127.0.0.1:${ports.redis.port}`,
    REDIS_URL: `redis://127.0.0.1:${ports.redis.port}`,
    MONGODB_URI: `mongodb://127.0.0.1:${ports.mongo.port}/`,
    PAYMENT_PROVIDER_URL: `http://127.0.0.1:${ports.paymentProvider.port}`,
    SECRETS_FILE: process.env.SECRETS_FILE ?? path.join(repoRoot, 'dev/secrets.json'),
    DAPR_NAME_RESOLUTION_DB: path.join(stateDir, 'name-resolution.db'),
  };
}
