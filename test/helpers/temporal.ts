// Temporal environments for tests: the Java time-skipping server (fetched by
// `scripts/setup.ts --test`) and the real dev server (the Temporal CLI).
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import { findTemporalCli } from '../../src/temporal/temporal-cli';
import { testServerWrapper } from '../../src/temporal/test-server';
import { freePort, startDevServer, type DevServer, type DevServerOptions } from '../../src/temporal/dev-server';

const root = path.resolve('.');
let runtimeInstalled = false;

/** Keeps worker logs to warnings so test output stays readable. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/**
 * The SDK gives the test server about 5 s to answer; a JVM start on a busy 2-core machine
 * can miss that, so a failed start is tried again (a start-up race, not a test outcome).
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  let lastError: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: testServerWrapper(root) } },
      });
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** `searchAttributes`: registered at start (default: ours; [] for none). */
export async function startTestDevServer(
  dbFilename: string | null = null,
  port?: number,
  opts: Pick<DevServerOptions, 'searchAttributes'> = {},
): Promise<DevServer> {
  quietRuntime();
  const cliPath = testTemporalCli();
  return startDevServer({ cliPath, port: port ?? (await freePort()), uiPort: null, dbFilename, ...opts });
}

export function testTemporalCli(): string {
  const cliPath = findTemporalCli(root);
  if (!cliPath) throw new Error('Temporal CLI missing: run `npm run setup` first');
  return cliPath;
}
