// Starts and stops the reference server (server/main.ts) for the load and bench scripts,
// and reads its memory use.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

const root = new URL('../..', import.meta.url).pathname;

/** The process's resident set in MB, or undefined once it is gone. */
export function rssMb(pid) {
  try {
    return Math.round(Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024);
  } catch {
    return undefined;
  }
}

/**
 * Starts the server on a free loopback port with `env` on top of ours; resolves once it
 * listens, with the time from spawn to "listening". Its stdout (one log line per request)
 * goes to `logPath`, never to a pipe: Node writes to pipes synchronously, so a pipe that
 * this busy process drains late would stall the server on its own logging.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string, startupMs: number, stderr: string[] }>}
 */
export function startServer({ logPath, env }) {
  const logFd = openSync(logPath, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', logFd, 'pipe'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SILA_SERVE_STATIC: '0', ...env },
  });
  closeSync(logFd); // the child holds its own copy
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(...String(chunk).split('\n').filter(Boolean)));
  return new Promise((resolve, reject) => {
    // Polled often: the interval bounds the error of the start-up figure.
    const poll = setInterval(() => {
      const match = readFileSync(logPath, 'utf8').match(/listening on (http:\/\/\S+)/);
      if (!match) return;
      const startupMs = Math.round(performance.now() - started);
      clearInterval(poll);
      child.removeListener('exit', onEarlyExit);
      resolve({ child, url: match[1], startupMs, stderr });
    }, 10);
    const onEarlyExit = (code) => {
      clearInterval(poll);
      reject(new Error(`server exited with ${code}\n${readFileSync(logPath, 'utf8')}\n${stderr.join('\n')}`));
    };
    child.once('exit', onEarlyExit);
  });
}

/** SIGTERM (the server finishes open requests), SIGKILL after 10 s. */
export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
