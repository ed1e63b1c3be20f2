import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** A command's wall time, output and the peak memory of its whole process tree (threads and children together). */
export interface Timed {
  ms: number;
  stdout: string;
  stderr: string;
  peakRssMb: number;
}

export function timedRun(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...options.env }, cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    let peak = 0;
    const sample = () => (peak = Math.max(peak, treeRssKb(child.pid!)));
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${command} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ ms, stdout, stderr, peakRssMb: peak / 1024 });
    });
  });
}

/** Resident memory of a process and all its descendants, in kB, from /proc (Linux); 0 elsewhere. */
function treeRssKb(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      const children = fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // the process ended between reads
    }
  };
  visit(pid);
  return total;
}

/** The median of several runs of the same measurement (machines are noisy; the median resists one bad run). */
export async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

export function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure the peer programs are there: installs the missing ones from Debian's packages when this runs as root
 * with apt-get; returns what is still missing, with why.
 */
export function ensurePeers(peers: Record<string, string>): Map<string, string> {
  const missing = Object.entries(peers).filter(([command]) => !installed(command));
  const unavailable = new Map<string, string>();
  if (missing.length && process.getuid?.() === 0 && installed('apt-get')) {
    try {
      const packages = [...new Set(missing.map(([, pkg]) => pkg.split(' ')).flat())];
      console.log(`Installing the peers from Debian: ${packages.join(' ')}`);
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
        stdio: 'ignore',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      try {
        execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
        execFileSync(
          'apt-get',
          ['install', '-y', '-qq', '--no-install-recommends', ...missing.flatMap(([, p]) => p.split(' '))],
          { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
        );
      } catch (error) {
        for (const [command] of missing)
          unavailable.set(
            command,
            `apt-get could not install it (${(error as Error).message.split('\n')[0]})`,
          );
      }
    }
  }
  for (const [command] of missing)
    if (!installed(command) && !unavailable.has(command))
      unavailable.set(command, 'not installed, and this is not root on a machine with apt-get');
  return unavailable;
}
