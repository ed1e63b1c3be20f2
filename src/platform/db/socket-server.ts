import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/** PostgreSQL's conventional socket file name; `pg` finds it from `host=<dir>` and the port. */
export const SOCKET_PORT = 5432;
export function socketFile(dir: string): string {
  return path.join(dir, `.s.PGSQL.${SOCKET_PORT}`);
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const IDLE_IN_TRANSACTION_MS = 60_000;

/**
 * Serves one PGlite instance to other local processes over the PostgreSQL wire protocol on a Unix socket.
 *
 * Why not PGLiteSocketServer as it is: it interleaves clients message by message, so another client's statement can
 * land inside a transaction or between Bind and Execute, and it does not coordinate with queries the owning process
 * runs on the same PGlite. Here each client holds PGlite's transaction lock — the same one `PGlite.query` and
 * `PGlite.transaction` take — from its first message until PostgreSQL reports it idle again (ReadyForQuery 'I'), so
 * clients and the owning process are strictly serialised, a transaction at a time.
 */
export class PgliteSocketServer {
  private server: net.Server | undefined;
  private readonly connections = new Set<net.Socket>();

  constructor(
    private readonly db: PGlite,
    readonly dir: string,
  ) {}

  async start(): Promise<void> {
    const file = socketFile(this.dir);
    fs.rmSync(file, { force: true }); // left by a process that died; the lock file has already proved it gone
    this.server = net.createServer((socket) => {
      this.connections.add(socket);
      socket.on('close', () => this.connections.delete(socket));
      new Connection(this.db, socket).start();
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(file, () => resolve());
    });
    fs.chmodSync(file, 0o600);
  }

  async stop(): Promise<void> {
    for (const socket of this.connections) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    fs.rmSync(socketFile(this.dir), { force: true });
  }
}

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private chain: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private inTransaction = false;

  constructor(
    private readonly db: PGlite,
    private readonly socket: net.Socket,
  ) {}

  start(): void {
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.socket.on('error', () => this.socket.destroy());
    this.socket.on('close', () => {
      this.chain = this.chain.then(() => this.abandon());
    });
  }

  /** Splits complete messages off the buffer and queues them in order. */
  private drain(): void {
    for (;;) {
      const message = this.nextMessage();
      if (!message) return;
      this.chain = this.chain
        .then(() => this.handle(message))
        .catch(() => {
          this.socket.destroy();
        });
    }
  }

  private nextMessage(): Buffer | undefined {
    if (!this.started) {
      if (this.buffer.length < 8) return undefined;
      const length = this.buffer.readInt32BE(0);
      if (this.buffer.length < length) return undefined;
      return this.take(length);
    }
    if (this.buffer.length < 5) return undefined;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return undefined;
    return this.take(length);
  }

  private take(length: number): Buffer {
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return message;
  }

  private async handle(message: Buffer): Promise<void> {
    if (!this.started) {
      const code = message.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return void this.socket.write('N');
      if (code === CANCEL_REQUEST) return void this.socket.end();
      this.started = true;
    } else if (message[0] === 0x58 /* X: Terminate */) {
      return this.abandon();
    }
    await this.hold();
    const output = await this.db.runExclusive(() => this.db.execProtocolRaw(new Uint8Array(message)));
    if (output.length > 0 && this.socket.writable) this.socket.write(output);
    const status = readyStatus(output);
    if (status !== undefined) {
      this.inTransaction = status !== 0x49; /* 'I' */
      if (!this.inTransaction) this.free();
    }
  }

  private async hold(): Promise<void> {
    this.resetIdleTimer();
    if (this.release) return;
    await new Promise<void>((entered) => {
      void this.db._runExclusiveTransaction(
        () =>
          new Promise<void>((release) => {
            this.release = release;
            entered();
          }),
      );
    });
  }

  private free(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.release?.();
    this.release = undefined;
  }

  private resetIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.socket.destroy(), IDLE_IN_TRANSACTION_MS);
  }

  /** The client went away: undo anything it left open and let others in. */
  private async abandon(): Promise<void> {
    if (this.release && this.inTransaction) {
      await this.db
        .runExclusive(() => this.db.execProtocolRaw(simpleQuery('ROLLBACK')))
        .catch(() => undefined);
    }
    this.inTransaction = false;
    this.free();
    this.socket.end();
  }
}

/** The transaction status byte of a ReadyForQuery ('Z') ending this output, if it ends with one. */
function readyStatus(output: Uint8Array): number | undefined {
  const n = output.length;
  if (n >= 6 && output[n - 6] === 0x5a && output[n - 2] === 5 && output[n - 5] === 0) return output[n - 1];
  return undefined;
}

function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const message = Buffer.alloc(5 + body.length);
  message.write('Q', 0, 'ascii');
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return new Uint8Array(message);
}
