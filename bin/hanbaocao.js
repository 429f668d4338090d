#!/usr/bin/env node
// Entry point for `npx hanbaocao ...`. The project runs TypeScript directly through tsx
// (no build step), so this shim registers tsx's ESM loader and hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
