import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppPackage } from './app-package';

const OUT = join(__dirname, '..', '..', 'build', 'anteckna-teams-app.zip');

/** `npm run package`: the Teams app zip from appPackage/, with TEAMS_APP_ID and BOT_ID from the environment. */
function main(): void {
  const zip = buildAppPackage({ TEAMS_APP_ID: process.env.TEAMS_APP_ID, BOT_ID: process.env.BOT_ID });
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, zip);
  process.stdout.write(`Teams app package written: ${OUT}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
