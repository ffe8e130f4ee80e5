// Wiring only: configuration, clients, secrets, the administrator seed, routes, the outbox relay, start and stop.
import { createHttpApp, createLogger, createOutboxRelay, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { connectMongo } from '@commercex/platform/mongo';
import { tokenSigner } from './auth/token-signer.js';
import { loadUsersConfig } from './config.js';
import { readAdminCredentials, readSigningKey } from './data-access/secrets.js';
import { userModel } from './data-access/user-model.js';
import { UserRepository } from './data-access/user-repository.js';
import { accountRoutes } from './entry-points/http/account-routes.js';
import { seedAdministrator } from './use-cases/seed-administrator.js';

const config = loadUsersConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const dapr = DaprSidecar.fromConfig(config);
await dapr.waitForSidecar();
const mongo = await connectMongo(config.MONGODB_URI, 'users');
const users = new UserRepository(await userModel(mongo.connection));
const relay = createOutboxRelay(users, (event) => dapr.publish(event.topic, event.data as never, { eventId: event.eventId }), logger, config.OUTBOX_POLL_MS);
const deps = {
  users,
  tokens: tokenSigner(await readSigningKey(dapr, config.SECRET_STORE), config.ACCESS_TOKEN_TTL_SECONDS),
  scryptLogN: config.SCRYPT_LOG_N,
  onNewEvent: () => void relay.drain().catch(() => undefined),
};
await seedAdministrator(await readAdminCredentials(dapr, config.SECRET_STORE, config.ADMIN_SECRET), deps, logger);

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz(), mongodb: () => mongo.ready() },
  routes: [accountRoutes(deps)],
});

await runService({ app, port: config.APP_PORT, host: config.APP_HOST, logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS, onStop: [() => relay.stop(), () => mongo.close()] });
relay.start();
