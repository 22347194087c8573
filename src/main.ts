import { config as loadDotenv } from 'dotenv';
import { readConfig, formatConfigErrors } from './config.ts';
import { runConsole } from './console.ts';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console (same
 * commands), so a fresh clone answers questions before anyone creates a Discord application.
 */
/** After the bot stopped, how long pending work may still run before the process exits. */
const EXIT_GRACE_MS = 2000;

loadDotenv({ quiet: true });
const checked = readConfig(process.env);
if (!checked.ok) {
  process.stderr.write(`${formatConfigErrors(checked.errors)}\n`);
  process.exit(1);
}
const config = checked.config;

if (config.DISCORD_TOKEN === undefined) {
  process.stderr.write(
    'No DISCORD_TOKEN set: running the local console. To connect to Discord, put DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see README).\n',
  );
  process.exitCode = await runConsole({
    argv: process.argv.slice(2),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
} else {
  const { startBot } = await import('./discord/start.ts');
  process.exitCode = await startBot(config);
  // Under ShardingManager the IPC channel to the manager keeps the process alive: let it go.
  if (process.connected) process.disconnect();
  // Stopped: whatever is still pending must not keep the process alive (a REST request waiting
  // out a long 429 holds a timer discord.js cannot cancel). Unref'd: a clean exit comes sooner.
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
}
