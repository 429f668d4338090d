// A process that owns one child (`sleep`) through src/temporal/owned-process, prints the
// child's pid, then ends the way argv[2] says: 'wait' (until killed), 'throw' (an uncaught
// error, like a failed start) or 'exit' (process.exit(3)).
import { spawnOwned } from '../../src/temporal/owned-process';

const child = spawnOwned('sleep', ['600'], { ownProcessGroup: true });
process.stdout.write(`CHILD ${child.pid}\n`);
const how = process.argv[2];
if (how === 'throw') setTimeout(() => {
  throw new Error('failed start');
}, 50);
else if (how === 'exit') setTimeout(() => process.exit(3), 50);
else setInterval(() => undefined, 1000);
