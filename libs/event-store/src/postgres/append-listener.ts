// LISTEN on the append channel over a connection of its own, so subscriptions wake as soon as any
// process commits an append. A lost connection is reopened with backoff; meanwhile (and always,
// as a fallback) the subscriptions poll.
import { Client, type ClientConfig } from 'pg';
import { APPENDED_CHANNEL } from './postgres-schema';

const MAX_BACKOFF_MS = 5000;

export class AppendListener {
  private client: Client | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private starting: Promise<void> | null = null;

  constructor(
    private readonly config: ClientConfig,
    /** Called on every notification, and after a (re)connect, since appends may have been missed. */
    private readonly onAppended: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Connects once; later calls are no-ops. Resolves even when the first attempt fails (it retries). */
  start(): Promise<void> {
    this.starting ??= this.connect();
    return this.starting;
  }

  get listening(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    await this.starting;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client(this.config);
    client.on('notification', (message) => {
      if (message.channel === APPENDED_CHANNEL) this.onAppended();
    });
    client.on('error', (error) => {
      this.lost(client, error);
    });
    client.on('end', () => {
      this.lost(client, null);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.isClosed()) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.onAppended();
  }

  /** A method, not the field: close() may run while connect() awaits. */
  private isClosed(): boolean {
    return this.closed;
  }

  private lost(client: Client, error: unknown): void {
    if (error !== null && !this.closed) this.onError(error);
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.closed || this.reconnectTimer !== null) return;
    this.failures += 1;
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(this.failures, 6));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }
}
