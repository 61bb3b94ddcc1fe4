import { foldName, sameName } from '../domain/names';
import type { AnyShape, Holds } from './person-fields';

/** Who is looked for: their ids, and (once read from what is about them) the names they are stored under. */
export interface Sought {
  ids: ReadonlySet<string>;
  names: readonly string[];
}

/** How one document holds the person. */
export interface Findings {
  /** Paths of the objects about them ('' for the document itself, `owner`, `substituteFor`, `changes[]` …). */
  about: string[];
  /** They did something recorded in it (created, changed, approved it; an entry of a change log). */
  recordedBy: boolean;
  /** The bot wrote their name in it alone (an earlier owner, drafted minutes). */
  named: boolean;
  /** Text people typed names them. */
  mentionedByName: boolean;
  /** Their name, e-mail or ids as they stood where the shape declares nothing (a field this list forgot). */
  undeclared: string[];
  /** Their names as stored in what is about them. */
  names: string[];
}

/** A name made up only of their name (an imported person's `imported:<name>` key is their name too). */
const BY_NAME = 'imported:';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const leafShape = (shape: AnyShape | undefined): Holds | undefined =>
  typeof shape === 'string' ? shape : undefined;

const nameIn = (text: string, name: string): boolean => {
  const folded = foldName(text);
  const wanted = foldName(name);
  if (!wanted) return false;
  for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) {
    const before = folded[at - 1];
    const after = folded[at + wanted.length];
    if (
      (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after))
    )
      return true;
  }
  return false;
};

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : isObject(value)
        ? Object.values(value).flatMap(strings)
        : [];

/**
 * One walk over a document by its shape: what it holds of the person, and (with `replace`) the document as an
 * erasure leaves it. Ids in an object about them, and their ids as an actor, become `pseudonym`; names become
 * `erasedName`; e-mail goes. Text people typed stays; so do the names in a `record` (approved minutes).
 */
export function walkPerson(
  doc: Record<string, unknown>,
  shape: AnyShape,
  sought: Sought,
  replace?: { pseudonym: string; erasedName: string; record: boolean },
): { findings: Findings; result: Record<string, unknown> } {
  const findings: Findings = {
    about: [],
    recordedBy: false,
    named: false,
    mentionedByName: false,
    undeclared: [],
    names: [],
  };
  const isId = (value: unknown) => typeof value === 'string' && sought.ids.has(value);
  // Their name, or their name with what the bot writes after it ("Sara Lind, Kungälv" for an owner with an
  // organisation); not a longer name ("Sara Lindqvist").
  const isName = (value: unknown) =>
    typeof value === 'string' && sought.names.some((name) => sameName(value, name));

  const object = (
    value: Record<string, unknown>,
    shape: { readonly [field: string]: AnyShape },
    path: string,
  ) => {
    const fields = Object.entries(shape);
    const ids = fields.filter(([, holds]) => holds === 'id').map(([field]) => value[field]);
    const names = fields.filter(([, holds]) => holds === 'name').map(([field]) => value[field]);
    const about =
      ids.some(isId) ||
      (names.some(isName) &&
        ids.every((id) => id === undefined || (typeof id === 'string' && id.startsWith(BY_NAME))));
    if (about) {
      findings.about.push(path);
      findings.names.push(...names.filter((name): name is string => typeof name === 'string'));
    }
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      const at = path ? `${path}.${field}` : field;
      const declared = shape[field];
      if (declared === undefined) {
        const hit = strings(inner).some((text) => isId(text) || isName(text));
        if (hit) findings.undeclared.push(at);
        out[field] = hit && replace ? (isId(inner) ? replace.pseudonym : replace.erasedName) : inner;
        continue;
      }
      const holds = leafShape(declared);
      if (holds === 'email' && about) {
        if (!replace) out[field] = inner;
        continue;
      }
      out[field] =
        holds === undefined
          ? node(inner, declared, at)
          : holds === 'id' || holds === 'name'
            ? about && replace
              ? holds === 'id'
                ? replace.pseudonym
                : replace.record
                  ? inner
                  : replace.erasedName
              : inner
            : leaf(inner, holds);
    }
    return out;
  };

  const leaf = (value: unknown, holds: Holds): unknown => {
    if (Array.isArray(value) && holds !== 'typed') return value.map((each) => leaf(each, holds));
    if (holds === 'actor' && isId(value)) {
      findings.recordedBy = true;
      return replace ? replace.pseudonym : value;
    }
    if (holds === 'mention' && isName(value)) {
      findings.named = true;
      return replace && !replace.record ? replace.erasedName : value;
    }
    if (holds === 'typed' && strings(value).some((text) => sought.names.some((name) => nameIn(text, name))))
      findings.mentionedByName = true;
    return value;
  };

  const node = (value: unknown, shape: AnyShape, path: string): unknown => {
    if (typeof shape === 'string') return leaf(value, shape);
    if (Array.isArray(shape)) {
      const [each] = shape as readonly [AnyShape];
      return Array.isArray(value) ? value.map((element) => node(element, each, `${path}[]`)) : value;
    }
    return isObject(value) ? object(value, shape as { readonly [field: string]: AnyShape }, path) : value;
  };

  const result = node(doc, shape, '') as Record<string, unknown>;
  return { findings, result };
}
