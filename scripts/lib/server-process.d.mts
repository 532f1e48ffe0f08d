import type { ChildProcess } from 'node:child_process';

export function rssMb(pid: number): number | undefined;
export function startServer(options: {
  logPath: string;
  env: Record<string, string>;
}): Promise<{ child: ChildProcess; url: string; startupMs: number; stderr: string[] }>;
export function stopServer(child: ChildProcess): Promise<void>;
