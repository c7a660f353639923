import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { handleLeftoverPostmaster } from '../../src/db/embedded';
import { createLogger } from '../../src/core/logger';

/** The stand-in "postmaster" is a sleep whose argv[0] says postgres, as a real one would. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = spawnSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' }).stdout;
  return !/\) Z /.test(stat);
}

describe('a database left running by a killed process', () => {
  const logger = createLogger('silent');

  it('is stopped at the next start when its owner is gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-'));
    // Double fork through setsid: the sleeper's parent exits, as a SIGKILLed node would.
    const out = spawnSync('setsid', ['perl', '-e', 'if (my $p = fork) { print "$p\\n"; exit } close STDOUT; close STDERR; $0 = "postgres"; sleep 60'], {
      encoding: 'utf8',
    });
    const pid = Number(out.stdout.trim());
    expect(alive(pid)).toBe(true);
    writeFileSync(path.join(dir, 'postmaster.pid'), `${pid}\n${dir}\n1700000000\n54329\n`);
    expect(await handleLeftoverPostmaster(dir, logger)).toEqual({ action: 'start' });
    expect(alive(pid)).toBe(false);
  });

  it('is used as it is, not stopped, while another live server owns it (CLI next to a running server)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-'));
    // A node process owning a "postgres" child: another running instance of this server.
    const owner = spawn(process.execPath, ['-e', `require('child_process').spawn('bash', ['-c', 'exec -a postgres sleep 60'], { stdio: 'inherit' }); setTimeout(() => {}, 60000)`], {
      stdio: 'ignore',
    });
    let child = 0;
    for (let i = 0; i < 50 && !child; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const found = spawnSync('pgrep', ['-P', String(owner.pid)], { encoding: 'utf8' }).stdout.trim();
      child = Number(found.split('\n')[0] || 0);
    }
    expect(child).toBeGreaterThan(0);
    writeFileSync(path.join(dir, 'postmaster.pid'), `${child}\n${dir}\n1700000000\n54329\n`);
    expect(await handleLeftoverPostmaster(dir, logger)).toEqual({ action: 'attach', port: 54329, ownerPid: owner.pid });
    expect(alive(child)).toBe(true);
    owner.kill('SIGKILL');
    process.kill(child, 'SIGKILL');
  });

  it('ignores a stale pid file whose process is gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-'));
    writeFileSync(path.join(dir, 'postmaster.pid'), `999999\n${dir}\n`);
    expect(await handleLeftoverPostmaster(dir, logger)).toEqual({ action: 'start' });
  });
});
