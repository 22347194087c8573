/**
 * The fake gateway: HELLO / IDENTIFY / READY / GUILD_CREATE, heartbeats, RESUME with replay, and
 * the faults tests trigger (op 7 reconnect, zombie connections, dropped sockets, op 9).
 *
 * JSON encoding only. `compress=zlib-stream` is refused loudly because without a matching inflater
 * the client would hang in `login()` instead of failing.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { RawData } from 'ws';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import type {
  GatewayGuildCreateDispatchData,
  GatewayIdentifyData,
  GatewayReadyDispatchData,
  GatewayResumeData,
} from 'discord-api-types/v10';
import { nextSnowflake } from './snowflake.ts';

/** Something that happened on the gateway, in order; tests wait on these. */
export interface GatewayEvent {
  readonly kind:
    | 'connect'
    | 'identify'
    | 'ready'
    | 'resume'
    | 'resumed'
    | 'heartbeat'
    | 'heartbeat-ack-withheld'
    | 'reconnect-requested'
    | 'invalid-session'
    | 'dropped'
    | 'close'
    | 'reject';
  readonly shardId: number | null;
  readonly sessionId: string | null;
  readonly at: number;
  /** Close code for `close` / `reject`. */
  readonly code?: number;
  readonly detail?: string;
}

/** What the gateway needs from the rest of the fake. */
export interface GatewayConfig {
  token: string;
  shardCount: number;
  heartbeatIntervalMs: number;
  /** IDENTIFY intents that intersect this bitfield are refused with 4014. */
  disallowedIntents: number;
  /** URL put in READY's `resume_gateway_url`. */
  resumeUrl: () => string;
  ready: (shardId: number, sessionId: string) => GatewayReadyDispatchData;
  guildCreates: (shardId: number) => GatewayGuildCreateDispatchData[];
  onEvent: (event: GatewayEvent) => void;
}

interface DispatchPayload {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

/** Dispatches kept per session for RESUME replay; Discord keeps a bounded backlog too. */
const REPLAY_BACKLOG = 1000;

class Session {
  seq = 0;
  readonly backlog: DispatchPayload[] = [];
  conn: Connection | null = null;
  invalidated = false;
  constructor(
    readonly id: string,
    readonly shardId: number,
  ) {}
}

class Connection {
  session: Session | null = null;
  acks = true;
  closed = false;
  constructor(readonly ws: WebSocket) {}

  send(payload: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(payload));
  }
}

/** The gateway half of the fake; owned by `FakeDiscord`. */
export class FakeGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  /** The live (latest identified, not invalidated) session of each shard. */
  private readonly shardSessions = new Map<number, Session>();

  constructor(private readonly config: GatewayConfig) {}

  /** Handles an HTTP upgrade on `/gateway` or `/resume`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/gateway' && url.pathname !== '/resume') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url));
  }

  private emit(
    kind: GatewayEvent['kind'],
    conn: Connection | null,
    extra: { code?: number; detail?: string; shardId?: number } = {},
  ): void {
    this.config.onEvent({
      kind,
      shardId: extra.shardId ?? conn?.session?.shardId ?? null,
      sessionId: conn?.session?.id ?? null,
      at: Date.now(),
      ...(extra.code === undefined ? {} : { code: extra.code }),
      ...(extra.detail === undefined ? {} : { detail: extra.detail }),
    });
  }

  private reject(conn: Connection, code: number, reason: string): void {
    this.emit('reject', conn, { code, detail: reason });
    // Close reasons are limited to 123 bytes by the WebSocket protocol.
    conn.ws.close(code, reason.slice(0, 123));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    const conn = new Connection(ws);
    this.connections.add(conn);
    this.emit('connect', conn, { detail: url.pathname + url.search });
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', () => {
      // A reset socket is an expected fault in these tests; `close` follows and does the cleanup.
    });

    const version = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding');
    const compress = url.searchParams.get('compress');
    if (compress !== null) {
      this.reject(
        conn,
        GatewayCloseCodes.DecodeError,
        `fake-discord supports encoding=json without compression; got compress=${compress} (is zlib-sync installed?)`,
      );
      return;
    }
    if (encoding !== null && encoding !== 'json') {
      this.reject(
        conn,
        GatewayCloseCodes.DecodeError,
        `fake-discord supports encoding=json only; got encoding=${encoding}`,
      );
      return;
    }
    if (version !== null && version !== '10') {
      this.reject(
        conn,
        GatewayCloseCodes.InvalidAPIVersion,
        `fake-discord speaks gateway v10; got v=${version}`,
      );
      return;
    }

    ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    conn.send({
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.config.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  private onClose(conn: Connection, code: number): void {
    if (conn.closed) return;
    conn.closed = true;
    this.connections.delete(conn);
    const session = conn.session;
    this.emit('close', conn, { code });
    if (session === null) return;
    if (session.conn === conn) session.conn = null;
    // Like Discord: a client closing with 1000/1001 ends its session; anything else may resume.
    if (code === 1000 || code === 1001) this.invalidate(session);
  }

  private invalidate(session: Session): void {
    session.invalidated = true;
    this.sessions.delete(session.id);
    if (this.shardSessions.get(session.shardId) === session) this.shardSessions.delete(session.shardId);
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.reject(
        conn,
        GatewayCloseCodes.DecodeError,
        'fake-discord: binary frames are not supported (encoding=json)',
      );
      return;
    }
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(
        Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'),
      ) as {
        op?: unknown;
        d?: unknown;
      };
    } catch {
      this.reject(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.emit('heartbeat', conn);
        if (conn.acks) conn.send({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        else this.emit('heartbeat-ack-withheld', conn);
        return;
      case GatewayOpcodes.Identify:
        this.identify(conn, payload.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.resume(conn, payload.d as GatewayResumeData);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (conn.session === null)
          this.reject(conn, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        // Accepted and ignored: the fake has no presences, voice or member lists to serve.
        return;
      default:
        this.reject(conn, GatewayCloseCodes.UnknownOpcode, `Unknown opcode ${String(payload.op)}.`);
    }
  }

  private identify(conn: Connection, d: GatewayIdentifyData): void {
    if (conn.session !== null) {
      this.reject(conn, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (d.token !== this.config.token) {
      this.reject(conn, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if ((Number(d.intents) & this.config.disallowedIntents) !== 0) {
      this.reject(conn, GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const [shardId, shardCount] = d.shard ?? [0, 1];
    if (d.shard === undefined && this.config.shardCount > 1) {
      this.reject(conn, GatewayCloseCodes.ShardingRequired, 'Sharding required.');
      return;
    }
    if (shardCount !== this.config.shardCount || shardId < 0 || shardId >= shardCount) {
      this.reject(
        conn,
        GatewayCloseCodes.InvalidShard,
        `Invalid shard [${shardId}, ${shardCount}]; fake runs ${this.config.shardCount} shard(s).`,
      );
      return;
    }
    const session = new Session(`fake-session-${nextSnowflake()}`, shardId);
    this.sessions.set(session.id, session);
    const previous = this.shardSessions.get(shardId);
    if (previous !== undefined) this.invalidate(previous);
    this.shardSessions.set(shardId, session);
    session.conn = conn;
    conn.session = session;
    this.emit('identify', conn);
    this.sendDispatch(session, GatewayDispatchEvents.Ready, this.config.ready(shardId, session.id));
    this.emit('ready', conn);
    for (const guild of this.config.guildCreates(shardId))
      this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, guild);
  }

  private resume(conn: Connection, d: GatewayResumeData): void {
    if (conn.session !== null) {
      this.reject(conn, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (d.token !== this.config.token) {
      this.reject(conn, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = this.sessions.get(d.session_id);
    if (session === undefined || session.invalidated) {
      this.emit('invalid-session', conn, { detail: `unknown session ${d.session_id}` });
      // Not resumable: the client must IDENTIFY again.
      conn.send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const oldest = session.backlog[0]?.s ?? session.seq + 1;
    if (d.seq > session.seq || d.seq < oldest - 1) {
      this.emit('invalid-session', conn, { detail: `seq ${d.seq} outside backlog` });
      this.invalidate(session);
      conn.send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.conn !== null && session.conn !== conn) {
      // The old socket is still open (zombie); Discord drops it when the session moves.
      session.conn.session = null;
      session.conn.ws.terminate();
    }
    session.conn = conn;
    conn.session = session;
    this.emit('resume', conn, { detail: `from seq ${d.seq}` });
    for (const payload of session.backlog) if (payload.s > d.seq) conn.send(payload);
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, {});
    this.emit('resumed', conn);
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const payload: DispatchPayload = { op: GatewayOpcodes.Dispatch, t, s: session.seq, d };
    session.backlog.push(payload);
    if (session.backlog.length > REPLAY_BACKLOG) session.backlog.shift();
    // No live socket: the payload waits in the backlog and is replayed on RESUME.
    session.conn?.send(payload);
  }

  /**
   * Sends a dispatch to the session of `shardId`. Queued for replay if the socket is down.
   *
   * @throws when no client ever identified on that shard (nothing could receive it)
   */
  dispatch(shardId: number, t: string, d: unknown): void {
    const session = this.shardSessions.get(shardId);
    if (session === undefined) {
      throw new Error(
        `fake-discord: no session on shard ${shardId}; connected shards: [${this.connectedShards().join(', ')}]`,
      );
    }
    this.sendDispatch(session, t, d);
  }

  /** True when a session exists for the shard (live or waiting to resume). */
  hasSession(shardId: number): boolean {
    return this.shardSessions.has(shardId);
  }

  /** Shard ids with an identified, currently open connection. */
  connectedShards(): number[] {
    return [...this.shardSessions.values()]
      .filter((s) => s.conn !== null && s.conn.ws.readyState === WebSocket.OPEN)
      .map((s) => s.shardId)
      .sort((a, b) => a - b);
  }

  private liveConnections(shardId?: number): Connection[] {
    return [...this.connections].filter((c) => shardId === undefined || c.session?.shardId === shardId);
  }

  /** Sends op 7 RECONNECT; discord.js closes with 4200 and RESUMEs on `resume_gateway_url`. */
  requestReconnect(shardId?: number): void {
    for (const conn of this.liveConnections(shardId)) {
      this.emit('reconnect-requested', conn);
      conn.send({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
    }
  }

  /** Stops acknowledging heartbeats on the current connections (a zombie); new connections are healthy. */
  stopHeartbeatAcks(shardId?: number): void {
    for (const conn of this.liveConnections(shardId)) conn.acks = false;
  }

  /**
   * Cuts the current sockets. Without `code` the TCP socket is destroyed (the client sees 1006,
   * as on a network fault); with a code a close frame is sent. Sessions stay resumable.
   */
  dropConnections(options: { shardId?: number; code?: number } = {}): void {
    for (const conn of this.liveConnections(options.shardId)) {
      this.emit('dropped', conn, { ...(options.code === undefined ? {} : { code: options.code }) });
      if (options.code === undefined) conn.ws.terminate();
      else conn.ws.close(options.code, 'fake-discord dropped the connection');
    }
  }

  /** Sends op 9 INVALID_SESSION; with `resumable` false the session is forgotten first. */
  invalidateSession(resumable: boolean, shardId?: number): void {
    for (const conn of this.liveConnections(shardId)) {
      if (!resumable && conn.session !== null) {
        this.invalidate(conn.session);
        conn.session.conn = null;
        conn.session = null;
      }
      this.emit('invalid-session', conn, { detail: resumable ? 'resumable' : 'not resumable' });
      conn.send({ op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
    }
  }

  /** Terminates every socket and the WebSocket server. */
  async close(): Promise<void> {
    for (const conn of this.connections) conn.ws.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
