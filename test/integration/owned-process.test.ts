// A child started with spawnOwned dies with its owner however the owner ends: killed with
// SIGKILL (no hook of ours runs), an uncaught error, or process.exit. The child runs in its
// own process group, so nothing but the guards under test can reach it.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { alive, survivors } from '../helpers/processes';

function startOwner(how: 'wait' | 'throw' | 'exit') {
  const owner = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/owner-process.ts', how], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => owner.once('exit', () => resolve()));
  const childPid = new Promise<number>((resolve, reject) => {
    let out = '';
    owner.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /CHILD (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    owner.once('exit', () => reject(new Error(`owner exited before printing its child: ${out}`)));
  });
  return { owner, exited, childPid };
}

describe('owned child processes', () => {
  it.each([
    ['is killed with SIGKILL', 'wait'],
    ['fails with an uncaught error', 'throw'],
    ['calls process.exit', 'exit'],
  ] as const)('die when their owner %s', async (_label, how) => {
    const { owner, exited, childPid } = startOwner(how);
    const pid = await childPid;
    expect(alive(pid)).toBe(true);
    if (how === 'wait') owner.kill('SIGKILL');
    await exited;
    const left = await survivors([pid], 10_000);
    if (left.length) process.kill(pid, 'SIGKILL');
    expect(left).toEqual([]);
  });
});
