import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { openCosmos } from '../storage/cosmos-connection';
import { createPersonData, type PersonKey } from '../storage/person-data';

const USAGE = `usage: person-data export|erase <Entra object id> [Teams user id]
       person-data export|erase --name "<name>" [--network <network id>]
  --name  someone the records know only by name (imported minutes, a task owner without a Teams
          account): only records without anyone's ids count as theirs
  export  prints, as JSON, every document in every network that holds or mentions the person, and why
  erase   deletes what only served the bot, replaces their name and ids in the networks' records
          and keeps a roster sync from adding them back`;

/** The action and whom it is about; undefined when malformed (an unknown option, one without its value too). */
function readArgs(
  argv: string[],
): { action: 'export' | 'erase'; key: PersonKey; network?: string } | undefined {
  let read;
  try {
    read = parseArgs({
      args: argv,
      options: { name: { type: 'string' }, network: { type: 'string' } },
      allowPositionals: true,
    });
  } catch {
    return undefined;
  }
  const { values, positionals } = read;
  const [action, aadObjectId, userId, ...extra] = positionals;
  if ((action !== 'export' && action !== 'erase') || extra.length) return undefined;
  if (values.name !== undefined) {
    const name = values.name.trim();
    if (!name || aadObjectId !== undefined) return undefined;
    return { action, key: { name }, ...(values.network ? { network: values.network } : {}) };
  }
  if (!aadObjectId || values.network !== undefined) return undefined;
  return { action, key: { aadObjectId, ...(userId ? { userId } : {}) } };
}

/**
 * For a data protection officer answering a request (GDPR art. 15 and 17), against the configured Cosmos DB:
 * `node dist/src/cli/person-data.js export <id>` (or `npm run person-data -- export <id>` in a checkout).
 */
async function main(argv: string[]): Promise<number> {
  const parsed = readArgs(argv);
  if (!parsed) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { action, key, network } = parsed;
  const config = loadConfig();
  if (config.cosmos.kind === 'embedded') {
    process.stderr.write('COSMOS_ENDPOINT is not set: the embedded store holds nothing between runs.\n');
    return 2;
  }
  const cosmos = await openCosmos(config.cosmos, createLogger('warn'));
  try {
    const people = createPersonData(cosmos.containers);
    const result =
      action === 'export' ? await people.exportData(key, network) : await people.erase(key, network);
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
