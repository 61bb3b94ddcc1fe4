import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const APP_PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');
const SCHEMA_DIR = join(
  require.resolve('@microsoft/app-manifest/package.json'),
  '..',
  'build',
  'json-schemas',
  'teams',
);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g;

/** The JSON schema bundled with @microsoft/app-manifest for the version a file names in `$schema`: offline. */
export function bundledSchema(fileSchemaUrl: string): object {
  const found = /\/teams\/(v[\d.]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/.exec(fileSchemaUrl);
  if (!found) throw new Error(`not a Teams schema address: ${fileSchemaUrl}`);
  return JSON.parse(readFileSync(join(SCHEMA_DIR, found[1]!, found[2]!), 'utf8')) as object;
}

/**
 * Problems of a manifest or localization file against its bundled schema (draft-04); empty when valid. Regular
 * expressions are read without the `u` flag: the localization schema has patterns only valid without it.
 */
export function schemaProblems(file: { $schema: string }): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(bundledSchema(file.$schema));
  if (validate(file)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/**
 * The Teams app zip: manifest.json with `${{TEAMS_APP_ID}}` and `${{BOT_ID}}` filled in, the localization files
 * it names and both icons; every JSON file is checked against the bundled schema first.
 */
export function buildAppPackage(ids: { TEAMS_APP_ID?: string; BOT_ID?: string }): Uint8Array {
  const missing = (['TEAMS_APP_ID', 'BOT_ID'] as const).filter((key) => !GUID.test(ids[key] ?? ''));
  if (missing.length) throw new Error(`set ${missing.join(' and ')} (a GUID each) to build the app package`);
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (_, key: 'TEAMS_APP_ID' | 'BOT_ID') => ids[key]!);
  const manifestText = fill(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
  const manifest = JSON.parse(manifestText) as {
    $schema: string;
    icons: { color: string; outline: string };
    localizationInfo?: { additionalLanguages?: { file: string }[] };
  };
  const localizations = (manifest.localizationInfo?.additionalLanguages ?? []).map(({ file }) => ({
    file,
    text: readFileSync(join(APP_PACKAGE_DIR, file), 'utf8'),
  }));
  for (const [name, json] of [
    ['manifest.json', manifest],
    ...localizations.map(({ file, text }) => [file, JSON.parse(text) as { $schema: string }] as const),
  ] as const) {
    const problems = schemaProblems(json);
    if (problems.length) throw new Error(`${name} does not match its schema:\n${problems.join('\n')}`);
  }
  return zipSync({
    'manifest.json': strToU8(manifestText),
    ...Object.fromEntries(localizations.map(({ file, text }) => [file, strToU8(text)])),
    [manifest.icons.color]: readFileSync(join(APP_PACKAGE_DIR, manifest.icons.color)),
    [manifest.icons.outline]: readFileSync(join(APP_PACKAGE_DIR, manifest.icons.outline)),
  });
}
