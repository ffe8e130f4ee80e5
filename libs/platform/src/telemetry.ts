// Entry point for `node --import @commercex/platform/telemetry dist/main.js`: instruments before the app loads.
import { register as registerAsyncHooks } from 'node:module';
import { register, supportsSyncHooks } from 'import-in-the-middle/register-hooks.mjs';
import { startTelemetry } from './telemetry/start-telemetry.js';

// ESM imports are patched only through a loader hook; Node 24 runs it in-thread, older versions on a loader thread.
if ((process.env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() !== 'true') {
  if (supportsSyncHooks()) register();
  else registerAsyncHooks('import-in-the-middle/hook.mjs', import.meta.url);
}

startTelemetry();
