import { createHash } from 'node:crypto';
import type { AnyShape } from '../../src/storage/person-fields';
import type { Container } from '@azure/cosmos';

/** How a person can be recognised in stored data: their name, ids and e-mail, and hashes of the ids. */
export interface PersonMarks {
  name: string;
  ids: string[];
  email?: string;
}

/** One place a stored document holds something of the person. */
export interface Trace {
  container: string;
  id: string;
  /** The document's `type`, or `conversation`/`personalChat` for a conversation's records (which have none). */
  kind: string;
  /** Where in the document: `items[].presenters[]`, `minutes.present[].people[].name`, `id`. */
  path: string;
  networkId?: string;
  approved: boolean;
}

const hashesOf = (id: string) => [
  createHash('sha256').update(id).digest('base64url'),
  createHash('sha256').update(id).digest('hex'),
];

/**
 * Every place in every container (leases too) where the person's name (any case), ids, e-mail or a SHA-256 of an
 * id appears: read independently of the code's own list of fields, so it also finds what that list forgot.
 */
export async function tracesOf(containers: Record<string, Container>, person: PersonMarks): Promise<Trace[]> {
  const needles = [
    ...person.ids,
    ...person.ids.flatMap(hashesOf),
    ...(person.email ? [person.email.toLowerCase()] : []),
    person.name.toLowerCase(),
  ];
  const traces: Trace[] = [];
  for (const [container, store] of Object.entries(containers)) {
    const { resources } = await store.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
    for (const doc of resources) {
      const id = String(doc.id);
      const kind =
        typeof doc.type === 'string'
          ? doc.type
          : id.startsWith('personal-')
            ? 'personalChat'
            : id.startsWith('conv-')
              ? 'conversation'
              : 'unknown';
      const walk = (value: unknown, path: string) => {
        if (typeof value === 'string') {
          const text = value.toLowerCase();
          if (needles.some((needle) => text.includes(needle.toLowerCase())))
            traces.push({
              container,
              id,
              kind,
              path,
              ...(typeof doc.networkId === 'string' ? { networkId: doc.networkId } : {}),
              approved: doc.status === 'approved',
            });
        } else if (Array.isArray(value)) value.forEach((each) => walk(each, `${path}[]`));
        else if (value && typeof value === 'object')
          for (const [field, inner] of Object.entries(value))
            if (!field.startsWith('_')) walk(inner, path ? `${path}.${field}` : field);
      };
      walk(doc, '');
    }
  }
  return traces;
}

/**
 * What the README (docs/data-protection.md) names as kept after an erasure: text people typed (the agenda, the text of
 * decisions, notes and tasks) and approved minutes, the network's record.
 */
export function keptByDesign(trace: Trace): boolean {
  const { kind, path } = trace;
  if (kind === 'meeting') return path === 'title' || path.startsWith('items[]');
  if (kind === 'decision') return path === 'text' || path.startsWith('body') || path === 'previous[].text';
  if (kind === 'itemNote') return path === 'text' || path.startsWith('body');
  if (kind === 'followUp') return path === 'text';
  if (kind !== 'minutes' || !path.startsWith('minutes.')) return false;
  // A draft keeps what people typed (titles, presenters, notes, decisions, tasks); the names the bot wrote go.
  return trace.approved || !/(\.name|\.substituteFor|\.owner|^minutes\.secretary)$/.test(path);
}

/** `container/id` of each document with a trace. */
export const documentsWith = (traces: Trace[]): string[] =>
  [...new Set(traces.map((trace) => `${trace.container}/${trace.id}`))].sort();

/**
 * Fields of a stored document that its kind's declaration (`src/storage/person-fields.ts`) does not name: each one
 * a place the export and erasure would not know to look.
 */
export function undeclaredFields(value: unknown, shape: AnyShape, path = ''): string[] {
  if (typeof shape === 'string') return [];
  if (Array.isArray(shape))
    return Array.isArray(value)
      ? value.flatMap((each) => undeclaredFields(each, shape[0] as AnyShape, `${path}[]`))
      : [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const fields = shape as { readonly [field: string]: AnyShape };
  return Object.entries(value).flatMap(([field, inner]) => {
    if (field.startsWith('_')) return [];
    const at = path ? `${path}.${field}` : field;
    const declared = fields[field];
    return declared === undefined ? [at] : undeclaredFields(inner, declared, at);
  });
}
