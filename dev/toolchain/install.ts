// `npm run toolchain [names...]`: builds or reuses the pinned tools and prints how long each step took.
import { CommandError } from './exec.js';
import { formatSummary } from './timings.js';
import { PrerequisiteError, installTools } from './paths.js';
import { TOOL_NAMES, isToolName } from './versions.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: npm run toolchain -- [${TOOL_NAMES.join('|')} ...]   (default: all)`);
  process.exit(0);
}
const unknown = args.filter((a) => !isToolName(a));
if (unknown.length > 0) {
  console.error(`[toolchain] unknown tool: ${unknown.join(', ')}; choose from ${TOOL_NAMES.join(', ')}`);
  process.exit(2);
}

try {
  const results = await installTools(args.length > 0 ? args.filter(isToolName) : TOOL_NAMES);
  console.log(formatSummary(results));
} catch (err) {
  const expected = err instanceof PrerequisiteError || err instanceof CommandError;
  console.error(`[toolchain] ${expected ? err.message : (err as Error).stack ?? String(err)}`);
  process.exit(1);
}
