import { SMTPServer } from 'smtp-server';
import { freePort } from '#testing';

export interface ReceivedEmail {
  to: string[];
  /** The raw message (headers and body) as the server received it, with quoted-printable / base64 undone by the test. */
  raw: string;
}

/**
 * A local SMTP server for tests (the `smtp-server` package) on a fixed free port, so that it can be stopped ("SMTP is
 * down") and started again at the same address. `hold` keeps the next messages unanswered until released.
 */
export class LocalSmtpReceiver {
  readonly received: ReceivedEmail[] = [];
  private server: SMTPServer | undefined;
  private holding = false;
  private readonly held: Array<(error?: Error) => void> = [];

  private constructor(readonly port: number) {}

  static async start(): Promise<LocalSmtpReceiver> {
    const receiver = new LocalSmtpReceiver(await freePort());
    await receiver.up();
    return receiver;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.holding) {
            // Never accepted: released with an error, as a server that died before answering.
            this.held.push((error) => callback(error ?? new Error('held')));
            return;
          }
          this.received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops listening (SMTP is down); connections in progress are cut. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  hold(): void {
    this.holding = true;
  }

  /** Answers every held message with a temporary failure and accepts new ones again. */
  release(): void {
    this.holding = false;
    for (const answer of this.held.splice(0)) answer(Object.assign(new Error('Service not available'), { responseCode: 421 }));
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** The e-mails to one address, with their text decoded. */
  to(address: string): Array<{ subject: string; text: string; messageId: string }> {
    return this.received.filter((email) => email.to.includes(address)).map((email) => decode(email.raw));
  }

  async close(): Promise<void> {
    this.release();
    await this.down();
  }
}

/** Enough MIME for nodemailer's plain-text messages: the subject (RFC 2047) and a quoted-printable or base64 body. */
function decode(raw: string): { subject: string; text: string; messageId: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const subject = header('Subject').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_match, encoding: string, data: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
  const body = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
        : body;
  return { subject, text: text.replace(/\r\n/g, '\n'), messageId: header('Message-ID') };
}
