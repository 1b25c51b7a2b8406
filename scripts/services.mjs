// Background services for tests and the demo: started as child processes, their PIDs written to
// .run/pids (so .ci/run can stop leftovers), stopped by PID when the parent exits.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const PIDS = '.run/pids';
const children = new Set();

/** Starts `command args`, resolves with the first stdout match of `ready` (a RegExp with one group). */
export function startService(name, command, args, { ready, env = {}, timeout = 60_000 } = {}) {
  mkdirSync('.run', { recursive: true });
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  appendFileSync(PIDS, `${child.pid} ${name}\n`);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${timeout / 1000} s:\n${output}`)), timeout);
    const onData = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ pid: child.pid, value: match[1] });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

export function stopServices() {
  for (const child of children) {
    try {
      child.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
  children.clear();
}

/** Stops services a previous, interrupted run left behind. */
export function stopLeftovers() {
  let lines = [];
  try {
    lines = readFileSync(PIDS, 'utf8').split('\n').filter(Boolean);
  } catch {
    return;
  }
  for (const line of lines) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGTERM');
    } catch {
      // not running
    }
  }
  writeFileSync(PIDS, '');
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServices();
    process.exit(130);
  });
}
process.on('exit', stopServices);
