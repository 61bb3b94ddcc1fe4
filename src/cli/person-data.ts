import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { openCosmos } from '../storage/cosmos-connection';
import { createPersonData } from '../storage/person-data';

const USAGE = `usage: person-data export|erase <Entra object id> [Teams user id]
  export  prints, as JSON, every document in every network that holds or mentions the person, and why
  erase   deletes what only served the bot, replaces their name and ids in the networks' records
          and keeps a roster sync from adding them back`;

/**
 * For a data protection officer answering a request (GDPR art. 15 and 17), against the configured Cosmos DB:
 * `node dist/src/cli/person-data.js export <id>` (or `npm run person-data -- export <id>` in a checkout).
 */
async function main(argv: string[]): Promise<number> {
  const [action, aadObjectId, userId] = argv;
  if ((action !== 'export' && action !== 'erase') || !aadObjectId) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  if (config.cosmos.kind === 'embedded') {
    process.stderr.write('COSMOS_ENDPOINT is not set: the embedded store holds nothing between runs.\n');
    return 2;
  }
  const cosmos = await openCosmos(config.cosmos, createLogger('warn'));
  try {
    const people = createPersonData(cosmos.containers);
    const key = { aadObjectId, ...(userId ? { userId } : {}) };
    const result = action === 'export' ? await people.exportData(key) : await people.erase(key);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return action === 'erase' && 'erased' in result && !result.erased ? 1 : 0;
  } finally {
    await cosmos.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError
        ? `${error.message}\n`
        : `${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
