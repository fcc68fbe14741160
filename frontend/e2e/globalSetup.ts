// Vitest globalSetup for the browser tests: check Chromium, start the packaged app (unless
// E2E_BASE_URL points at a running one), wait for readiness and hand the base URL to the tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** passwords of the demo accounts (admin, organiser, merchant, viewer) the local profile generated */
    demoPasswords: Record<string, string>;
  }
}

const FRONTEND = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = resolve(FRONTEND, '../target');
const LOG = join(TARGET, 'e2e-app.log');
const READY_TIMEOUT_MS = 180_000;
const POLL_MS = 500;

export const chromePath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

function logTail(lines = 80): string {
  try {
    return readFileSync(LOG, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function isReady(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/actuator/health/readiness`, { signal: AbortSignal.timeout(5_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The app as a fresh checkout runs it: embedded PostgreSQL and Redis in a temporary data dir, so the `local`
 * profile seeds the demo accounts and the demo hall the browser tests use. Database and Redis URLs meant for the
 * back-end tests (CI exports them) are not passed on.
 */
function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LIVEHALL_DATA_DIR: dataDir };
  for (const key of Object.keys(env)) {
    if (/^(SPRING_R2DBC_|SPRING_FLYWAY_|SPRING_DATA_REDIS_|LIVEHALL_DATABASE_URL|LIVEHALL_REDIS_URL)/.test(key)) {
      delete env[key];
    }
  }
  return env;
}

/** `username=password` lines of the demo accounts file (written before the app reports ready). */
function readDemoPasswords(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, 'utf8').split('\n')
    .filter((line) => line.includes('=') && !line.startsWith('#'))
    .map((line) => line.split('=', 2).map((part) => part.trim()) as [string, string]);
  return Object.fromEntries(entries);
}

export default async function setup(project: TestProject) {
  const chrome = chromePath();
  if (!existsSync(chrome)) {
    throw new Error(
      `Chromium not found at ${chrome}. Install it with \`apt-get install -y chromium fonts-noto-cjk\` (Debian) ` +
        'or set CHROME_PATH; or skip browser tests with `mvn verify -DskipE2e`.',
    );
  }

  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/+$/, ''));
    project.provide('demoPasswords', JSON.parse(process.env.E2E_DEMO_PASSWORDS || '{}'));
    return;
  }

  const jar = resolve(FRONTEND, process.env.LIVEHALL_JAR || '../target/livehall.jar');
  if (!existsSync(jar)) {
    throw new Error(
      `App jar not found at ${jar}. Build it first (\`mvn package -DskipTests\`), set LIVEHALL_JAR, ` +
        'or point E2E_BASE_URL at a running app.',
    );
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'livehall-e2e-'));
  mkdirSync(TARGET, { recursive: true });
  const logFd = openSync(LOG, 'w');
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

  const child = spawn(java, ['-jar', jar, `--server.port=${port}`], {
    cwd: TARGET,
    env: embeddedEnv(dataDir),
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  let exited: string | null = null;
  child.on('exit', (code, signal) => (exited = signal ? `signal ${signal}` : `code ${code}`));
  child.on('error', (e) => (exited = `spawn error: ${e.message}`));
  // Never leave the app running if vitest dies abruptly.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);

  const teardown = async () => {
    process.off('exit', onExit);
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      if (exited) throw new Error(`The app exited early (${exited}). Last log lines (${LOG}):\n${logTail()}`);
      if (await isReady(base)) break;
      if (Date.now() > deadline) {
        throw new Error(`The app was not ready within ${READY_TIMEOUT_MS / 1000} s. Last log lines (${LOG}):\n${logTail()}`);
      }
      await sleep(POLL_MS);
    }
  } catch (e) {
    await teardown();
    throw e;
  }

  project.provide('baseUrl', base);
  project.provide('demoPasswords', readDemoPasswords(join(dataDir, 'secrets', 'demo-accounts.properties')));
  return teardown;
}
