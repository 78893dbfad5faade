// A TCP relay between one desk and the database server, which a test can cut and plug back in like a
// network cable: cutting drops every open connection and refuses new ones; plugging listens again on the
// same port, so the desk's address stays valid.
import net from 'node:net';

export class Cable {
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  /** A cable to the server at a postgres:// (or any) URL. */
  static to(url: string): Cable {
    const target = new URL(url);
    return new Cable({ host: target.hostname, port: Number(target.port || 5432) });
  }

  /** `url` with its host and port replaced by this cable's end (plug it in first). */
  through(url: string): string {
    const via = new URL(url);
    via.hostname = '127.0.0.1';
    via.port = String(this.port);
    return via.href;
  }

  async plug(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = null;
  }
}
