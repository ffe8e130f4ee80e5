// `npm run bench -- <scenario> [options]`: runs one load scenario from bench/.
const scenarios: Record<string, () => Promise<{ main(args: string[]): Promise<void> }>> = {
  'product-reads': () => import('./product-reads.js'),
  checkout: () => import('./checkout.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? scenarios[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <scenario> [options]\nscenarios: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
(await load()).main(args).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[bench] ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exit(1);
  },
);
