// The start-up check of our custom search attributes against the real Temporal dev server,
// started with our --search-attribute flags, without them, and with one of the wrong type.
import { spawnSync } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '../../src/temporal/dev-server';
import { SEARCH_ATTRIBUTES } from '../../src/contract/names';
import { checkSearchAttributes } from '../../src/temporal/search-attribute-check';
import { startTestDevServer, testTemporalCli } from '../helpers/temporal';

const ALL = Object.values(SEARCH_ATTRIBUTES).map((a) => ({ name: a.name, type: a.type }));

/** Runs an operator command line as printed, with the test's CLI binary for `temporal`. */
function runPrinted(line: string): void {
  const [, ...args] = line.trim().split(/\s+/);
  const result = spawnSync(testTemporalCli(), args, { encoding: 'utf8' });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
}

describe('search attribute check on the real dev server', () => {
  let withFlags: DevServer;
  let without: DevServer;
  let wrongType: DevServer;
  const connections: Connection[] = [];

  async function check(server: DevServer) {
    const connection = await Connection.connect({ address: server.address });
    connections.push(connection);
    return checkSearchAttributes(connection, 'default', server.address);
  }

  beforeAll(async () => {
    [withFlags, without, wrongType] = await Promise.all([
      startTestDevServer(),
      startTestDevServer(null, undefined, { searchAttributes: [] }),
      startTestDevServer(null, undefined, { searchAttributes: [{ name: 'HbcDueAt', type: 'Keyword' }] }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await Promise.all([withFlags?.stop(), without?.stop(), wrongType?.stop()]);
  });

  it('uses them when the server was started with the --search-attribute flags', async () => {
    expect(await check(withFlags)).toEqual({ ok: true, missing: [], wrongType: [], advice: [] });
  });

  it('names every missing one and prints the exact create command, which registers them', async () => {
    const result = await check(without);
    expect(result.ok).toBe(false);
    expect(result.missing).toEqual(ALL);
    const command =
      `temporal operator search-attribute create --address ${without.address} --namespace default ` +
      '--name HbcOrganisation --type Keyword --name HbcPlan --type Keyword --name HbcAgency --type Keyword ' +
      '--name HbcPeriod --type Keyword --name HbcStatus --type Keyword --name HbcDueAt --type Datetime';
    const line = result.advice.find((l) => l.includes('search-attribute create'));
    expect(line?.trim()).toBe(command);
    expect(result.advice.join('\n')).toContain('missing: HbcOrganisation (Keyword), HbcPlan (Keyword)');

    runPrinted(line!);
    expect((await check(without)).ok).toBe(true);
  });

  it('refuses one registered with another type and says how to replace it', async () => {
    const result = await check(wrongType);
    expect(result.ok).toBe(false);
    expect(result.wrongType).toEqual([{ name: 'HbcDueAt', expected: 'Datetime', registered: 'Keyword' }]);
    expect(result.missing.map((a) => a.name)).toEqual(['HbcOrganisation', 'HbcPlan', 'HbcAgency', 'HbcPeriod', 'HbcStatus']);
    expect(result.advice.join('\n')).toContain('HbcDueAt is registered as Keyword, needs Datetime');
    expect(result.advice.join('\n')).toContain(`temporal operator search-attribute remove --address ${wrongType.address} --namespace default --name HbcDueAt`);
  });
});
