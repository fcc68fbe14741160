// What the machine was and did while a bench ran, and the CPU time its processes used (from /proc).
import os from 'node:os';
import fs from 'node:fs';
import { execSync } from 'node:child_process';

/** The 1, 5 and 15 minute load averages, as "0.12 0.34 0.56". */
export const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** The machine's description for a result file; `cpu: true` adds the CPU model. */
export function machine({ cpu = true } = {}) {
  return {
    date: new Date().toISOString(),
    nproc: os.cpus().length,
    ...(cpu ? { cpu: os.cpus()[0]?.model } : {}),
    kernel: os.release(),
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: load(),
    java: (() => { try { return execSync('java -version 2>&1').toString().split('\n')[0]; } catch { return '?'; } })(),
  };
}

/** Clock ticks (USER_HZ, 100 a second) of user + system CPU a process used so far; 0 when it is gone. */
export function ticks(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

/** Ticks of the PostgreSQL backends serving database `db` (those alive now). */
export function postgresTicks(db) {
  let postgres = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`postgres ${db} `)) postgres += ticks(pid);
    } catch {
      // gone meanwhile
    }
  }
  return postgres;
}

/** Milliseconds of CPU per tick. */
export const MS_PER_TICK = 1000 / 100;
