import { DiscordjsErrorCodes, Events } from 'discord.js';
import type { Client } from 'discord.js';
import { loadApp } from '../app.ts';
import { cacheDirOf } from '../config.ts';
import { watchArticles } from '../reload.ts';
import type { ReloadInfo } from '../reload.ts';
import type { App } from '../app.ts';
import type { Command } from '../command.ts';
import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import type { Logger } from '../logger.ts';
import { createBotClient } from './client.ts';
import { StateStore } from './components.ts';
import type { ContextMenuCommand } from './context-menu.ts';
import { createCooldown } from './cooldown.ts';
import type { CooldownOptions } from './cooldown.ts';
import { createDeferralPolicy } from './deferral.ts';
import type { DeferralOptions } from './deferral.ts';
import { createInteractionHandler } from './interactions.ts';
import { attachLibrary } from './library.ts';
import type { BotLibrary } from './library.ts';
import type { PageState } from './interactions.ts';
import type { Answer } from '../answer.ts';

/**
 * Starting and stopping the Discord front end. {@link launchBot} loads the articles and the
 * commands, connects, and resolves once the client is ready (tests drive it directly);
 * {@link startBot} is what `npm start` runs: launch, wait for SIGINT/SIGTERM, shut down cleanly.
 */

export interface LaunchOptions {
  logger?: Logger;
  /** A prepared app (articles + commands); default: `loadApp({ articlesDir: config.ARTICLES_DIR })`. */
  app?: App;
  /** Replaces the loaded command map (tests inject a throwing command this way). */
  commands?: ReadonlyMap<string, Command>;
  contextMenus?: readonly ContextMenuCommand[];
  cooldown?: CooldownOptions;
  /** See `InteractionDeps.deferAfterMs`. */
  deferAfterMs?: number;
  /** When a command counts as slow and is acknowledged before it runs (see deferral.ts). */
  deferral?: DeferralOptions;
  /** Give up connecting after this long. Default 30 s. */
  loginTimeoutMs?: number;
  /** Environment for the client's sharding defaults (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A connected bot. */
export interface RunningBot {
  client: Client;
  app: App;
  logger: Logger;
  /**
   * Resolves with exit code 1 when Discord ends the session for good (revoked token, disallowed
   * intents); never resolves otherwise.
   */
  readonly fatal: Promise<number>;
  /** Disconnects and releases every timer. Idempotent. */
  stop(): Promise<void>;
  /** Added articles and feeds: `pollFeeds()` polls every followed feed now. */
  added?: BotLibrary;
  /** Re-reads the articles now (the folder watcher calls this on changes); absent when not watching. */
  reload?: () => Promise<ReloadInfo>;
}

/** Start-up failed in a way the user can fix; `message` says how. */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Gateway close codes after which reconnecting cannot help. */
const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  4004: 'Discord rejected the token (authentication failed)',
  4010: 'invalid shard (check SHARD_IDS / SHARD_COUNT)',
  4011: 'sharding required: the bot is in too many guilds for one shard; set SHARD_COUNT',
  4012: 'invalid gateway version',
  4013: 'invalid intents',
  4014: 'disallowed intents: enable them on the Bot page or remove them',
};

const INVALID_TOKEN_MESSAGE =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the bot token again from the Developer Portal (Bot → Reset Token) into .env.';

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupError(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isInvalidToken(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (('code' in error && error.code === DiscordjsErrorCodes.TokenInvalid) ||
      ('status' in error && error.status === 401))
  );
}

/**
 * Loads everything, connects to Discord and resolves when the client is ready to answer.
 *
 * @throws {StartupError} on an invalid token or when connecting takes longer than `loginTimeoutMs`
 */
export async function launchBot(config: Config, options: LaunchOptions = {}): Promise<RunningBot> {
  const logger =
    options.logger ??
    createLogger({
      level: config.LOG_LEVEL,
      pretty: config.NODE_ENV !== 'production',
      secrets: [config.DISCORD_TOKEN],
    });
  if (config.DISCORD_TOKEN === undefined) throw new StartupError('DISCORD_TOKEN is not set.');

  const loaded =
    options.app ??
    (await loadApp({
      articlesDir: config.ARTICLES_DIR,
      cacheDir: cacheDirOf(config),
      onProgress: progressLogger(logger),
      // Every cold extraction in a worker with a budget: one hostile article cannot stall the bot.
      workerThreshold: 1,
    }));
  const app: App = options.commands === undefined ? loaded : { ...loaded, commands: options.commands };
  for (const problem of app.problems.articles)
    logger.warn({ file: problem.file, reason: problem.reason }, 'article skipped');
  for (const problem of app.problems.commands)
    logger.warn({ file: problem.file, reason: problem.reason }, 'command module skipped');
  logger.info({ articles: app.kb.articles.length, commands: [...app.commands.keys()] }, 'knowledge loaded');
  if (app.kb.articles.length === 0)
    logger.warn({ dir: config.ARTICLES_DIR }, 'no articles loaded: every question will be a miss');

  const client = createBotClient(config, options.env ?? process.env);
  // A prepared app (tests) brings its own library or none; a normal start opens DATA_DIR.
  const added =
    options.app === undefined || options.app.library !== undefined
      ? await attachLibrary(app, config, client, logger)
      : undefined;
  const cooldown = createCooldown(options.cooldown ?? {});
  const pages = new StateStore<PageState>();
  const previews = new StateStore<Answer>();
  const handle = createInteractionHandler({
    knowledge: app,
    commands: app.commands,
    logger,
    cooldown,
    pages,
    previews,
    ...(added !== undefined ? { library: added.library } : {}),
    ...(config.MODERATOR_ROLE_ID !== undefined ? { moderatorRoleId: config.MODERATOR_ROLE_ID } : {}),
    ...(options.contextMenus !== undefined ? { contextMenus: options.contextMenus } : {}),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    deferral: createDeferralPolicy(options.deferral ?? {}),
  });

  let resolveFatal: (code: number) => void = () => {};
  const fatal = new Promise<number>((resolve) => {
    resolveFatal = resolve;
  });

  // Listeners go on before login so that no interaction dispatched right after READY is missed;
  // the knowledge is already loaded, so the bot can answer as soon as one arrives.
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'client warning'));
  client.on(Events.ShardError, (error, shardId) =>
    logger.error({ err: error, shard: shardId }, 'shard error'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shard: shardId }, 'shard reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shard: shardId, replayed }, 'shard resumed'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const reason = FATAL_CLOSE_CODES[event.code];
    if (reason === undefined) {
      logger.warn({ shard: shardId, code: event.code }, 'shard disconnected');
      return;
    }
    logger.fatal({ shard: shardId, code: event.code }, `Discord closed the connection: ${reason}`);
    resolveFatal(1);
  });
  if (logger.isLevelEnabled('trace'))
    client.on(Events.Debug, (message) => {
      // discord.js shows the token's first two parts ("Provided token: …"): never logged.
      if (!message.startsWith('Provided token')) logger.trace({ detail: message }, 'discord.js');
    });

  const sweeper = setInterval(() => {
    cooldown.sweep();
    pages.sweep();
    previews.sweep();
  }, 60_000);
  sweeper.unref();

  // Hot reload: a changed articles folder is re-indexed in the background and swapped in.
  const watcher =
    options.app === undefined && config.WATCH_ARTICLES
      ? watchArticles(app, config.ARTICLES_DIR, {
          cacheDir: cacheDirOf(config),
          workerThreshold: 1,
          onReload: (info) => logger.info(info, 'articles reloaded'),
          onFolder: (state, dir) =>
            (state === 'missing' ? logger.warn.bind(logger) : logger.info.bind(logger))(
              { dir, state },
              state === 'missing'
                ? 'articles folder missing; still serving the loaded articles'
                : `articles folder ${state}; watching it again`,
            ),
          onError: (error) =>
            logger.warn({ err: error }, 'article reload failed; still serving the previous articles'),
        })
      : null;

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    watcher?.close();
    await added?.stop();
    clearInterval(sweeper);
    try {
      await client.destroy();
    } catch (error) {
      logger.warn({ err: error }, 'error while disconnecting');
    }
    client.removeAllListeners();
  };

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const started = performance.now();
  try {
    const timeoutMs = options.loginTimeoutMs ?? 30_000;
    await withTimeout(
      client.login(config.DISCORD_TOKEN).then(() => ready),
      timeoutMs,
      `Could not connect to Discord within ${Math.round(timeoutMs / 1000)} s${config.DISCORD_API_URL !== undefined ? ` (DISCORD_API_URL=${config.DISCORD_API_URL})` : ''}.`,
    );
  } catch (error) {
    await stop();
    if (isInvalidToken(error)) throw new StartupError(INVALID_TOKEN_MESSAGE);
    if (error instanceof StartupError) throw error;
    throw new StartupError(`Could not connect to Discord: ${(error as Error).message}`);
  }
  // Typo tables are built lazily; build them now, before the first user needs them.
  setImmediate(() => app.kb.prepare());
  const user = client.user;
  logger.info(
    {
      user: user?.tag,
      id: user?.id,
      guilds: client.guilds.cache.size,
      shards: client.ws.shards.map((s) => s.id),
      ms: Math.round(performance.now() - started),
    },
    'connected to Discord; answering interactions',
  );
  return {
    client,
    app,
    logger,
    fatal,
    stop,
    ...(added ? { added } : {}),
    ...(watcher ? { reload: watcher.reload } : {}),
  };
}

/** Logs loading progress every 10 % for big folders (a silent minute looks like a hang). */
function progressLogger(logger: Logger): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    if (total < 200) return;
    const decile = Math.floor((done / total) * 10);
    if (decile === lastDecile) return;
    lastDecile = decile;
    logger.info({ done, total }, `loading articles ${decile * 10}%`);
  };
}

function flush(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush(() => resolve());
    } catch {
      resolve();
    }
  });
}

/** Signals that stop the bot cleanly. SIGHUP (terminal closed, a supervisor's reload) included: by default it kills silently. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * `npm start` with a token: runs the bot until SIGINT, SIGTERM or SIGHUP. Resolves with the process exit
 * code: 0 after a clean shutdown, 1 when start-up fails (the reason is logged) or Discord ends
 * the session for good.
 */
export async function startBot(config: Config, options: LaunchOptions = {}): Promise<number> {
  const logger =
    options.logger ??
    createLogger({
      level: config.LOG_LEVEL,
      pretty: config.NODE_ENV !== 'production',
      secrets: [config.DISCORD_TOKEN],
    });
  // One bad interaction must not end the process: a stray rejection is logged, not fatal.
  const onRejection = (reason: unknown): void => logger.error({ err: reason }, 'unhandled promise rejection');
  process.on('unhandledRejection', onRejection);
  let signalHandler: ((signal: NodeJS.Signals) => void) | undefined;
  // A signal while the articles load (a big folder takes a while) must still stop the process at
  // once and cleanly. Without a handler Node dies by the signal (exit code 143, not 0); and loading
  // cannot be cancelled, so the handler exits: no connection is open yet, and cache files are
  // written then renamed, so nothing is left half done.
  const duringStartup = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down during start-up');
    void flush(logger).then(() => process.exit(0));
  };
  for (const signal of STOP_SIGNALS) process.once(signal, duringStartup);
  try {
    let bot: RunningBot;
    try {
      bot = await launchBot(config, { ...options, logger });
    } catch (error) {
      if (error instanceof StartupError) logger.fatal(error.message);
      else logger.fatal({ err: error }, 'start-up failed');
      return error instanceof StartupError ? error.exitCode : 1;
    }
    for (const signal of STOP_SIGNALS) process.off(signal, duringStartup);
    const signalled = new Promise<number>((resolve) => {
      signalHandler = (signal) => {
        logger.info({ signal }, 'shutting down');
        resolve(0);
      };
      for (const signal of STOP_SIGNALS) process.once(signal, signalHandler);
    });
    const code = await Promise.race([signalled, bot.fatal]);
    await bot.stop();
    logger.info({ code }, 'stopped');
    return code;
  } finally {
    for (const signal of STOP_SIGNALS) {
      process.off(signal, duringStartup);
      if (signalHandler !== undefined) process.off(signal, signalHandler);
    }
    process.off('unhandledRejection', onRejection);
    await flush(logger);
  }
}
