// A local control channel to the running server, for what only the process that holds the embedded PGlite
// database can do (PGlite is single-process: a second process must not open its folder). Today: a consistent
// backup while the server keeps serving. The server listens on 127.0.0.1 (a random port, never another
// interface) and writes the port and a random token to `<data dir>/control.json`, readable by its own user
// only (0600); a request without that token is refused. The file is removed when the server stops.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import path from 'node:path';

export const CONTROL_FILE = 'control.json';
const MAX_REQUEST_BYTES = 1024;
const REQUEST_TIMEOUT_MS = 10_000;

interface ControlInfo {
  port: number;
  token: string;
  pid: number;
}

export interface ControlHandlers {
  /** A consistent backup of the database, as bytes. */
  backup(): Promise<Uint8Array>;
}

export interface ControlLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export async function startControlChannel(dataDir: string, handlers: ControlHandlers, log: ControlLog) {
  const holder = runningServer(dataDir);
  if (holder !== null && holder !== process.pid) throw new FolderInUse(dataDir, holder);
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  let busy = false;
  const server = createServer((socket) => {
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
    readLine(socket, MAX_REQUEST_BYTES)
      .then(async (line) => {
        const request = parseRequest(line);
        if (!request || !sameToken(request.token, token))
          return reply(socket, { ok: false, error: 'refused' });
        if (request.op !== 'backup') return reply(socket, { ok: false, error: 'unknown operation' });
        if (busy) return reply(socket, { ok: false, error: 'a backup is already running' });
        busy = true;
        socket.setTimeout(0);
        try {
          const started = performance.now();
          const bytes = await handlers.backup();
          log.info({ bytes: bytes.byteLength, ms: Math.round(performance.now() - started) }, 'backup taken');
          reply(socket, { ok: true, bytes: bytes.byteLength }, bytes);
        } finally {
          busy = false;
        }
      })
      .catch((e: unknown) => {
        log.warn({ err: e instanceof Error ? e.message : String(e) }, 'control request failed');
        if (!socket.destroyed) reply(socket, { ok: false, error: 'failed; see the server log' });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('control channel: no port');
  const file = path.join(dataDir, CONTROL_FILE);
  const info: ControlInfo = { port: address.port, token, pid: process.pid };
  rmSync(`${file}.tmp`, { force: true }); // so that the mode below applies: a new file
  writeFileSync(`${file}.tmp`, JSON.stringify(info), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return {
    async close() {
      rmSync(file, { force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Asks the running server for a backup. Null when no server runs on this data folder (no control file, or
 * one left by a server that is gone); throws when a server process exists but does not answer.
 */
export async function requestBackup(dataDir: string): Promise<Uint8Array | null> {
  let info: ControlInfo;
  try {
    info = JSON.parse(readFileSync(path.join(dataDir, CONTROL_FILE), 'utf8')) as ControlInfo;
  } catch {
    return null;
  }
  const socket = connect({ host: '127.0.0.1', port: info.port });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
  } catch (e) {
    socket.destroy();
    if (!processAlive(info.pid)) return null;
    throw new Error(
      `the server (process ${info.pid}) holds ${dataDir} but its control channel does not answer: ${(e as Error).message}`,
    );
  }
  socket.write(`${JSON.stringify({ token: info.token, op: 'backup' })}\n`);
  return readReply(socket);
}

/** Another process already holds the embedded database of this data folder. */
export class FolderInUse extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another server (process ${pid}) is using the embedded database in ${dataDir}; one process only.\n` +
        `เซิร์ฟเวอร์อื่น (process ${pid}) กำลังใช้ฐานข้อมูลใน ${dataDir} อยู่`,
    );
  }
}

/** The process id of a running server holding this data folder, or null. */
export function runningServer(dataDir: string): number | null {
  try {
    const info = JSON.parse(readFileSync(path.join(dataDir, CONTROL_FILE), 'utf8')) as ControlInfo;
    return processAlive(info.pid) ? info.pid : null;
  } catch {
    return null;
  }
}

function reply(socket: Socket, header: object, body?: Uint8Array) {
  socket.write(`${JSON.stringify(header)}\n`);
  if (body) socket.write(body);
  socket.end();
}

function parseRequest(line: string): { token: string; op: string } | null {
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { token, op } = value as Record<string, unknown>;
    return typeof token === 'string' && typeof op === 'string' ? { token, op } : null;
  } catch {
    return null;
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The first line sent on the socket (without the newline); fails past `max` bytes. */
function readLine(socket: Socket, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf(10);
      if (end >= 0) {
        socket.off('data', onData);
        resolve(buffered.subarray(0, end).toString('utf8'));
      } else if (buffered.length > max) {
        socket.destroy();
        reject(new Error('control request too long'));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('connection closed')));
  });
}

/** A header line `{ ok, bytes | error }`, then exactly `bytes` bytes of backup. */
function readReply(socket: Socket): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf(10);
      if (end < 0) return reject(new Error('the server closed the control channel without an answer'));
      const header = JSON.parse(all.subarray(0, end).toString('utf8')) as {
        ok: boolean;
        bytes?: number;
        error?: string;
      };
      if (!header.ok) return reject(new Error(`the server refused the backup: ${header.error}`));
      const body = all.subarray(end + 1);
      if (body.length !== header.bytes)
        return reject(new Error(`backup cut short: ${body.length} of ${header.bytes} bytes`));
      resolve(new Uint8Array(body));
    });
  });
}
