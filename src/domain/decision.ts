import type { RichText } from './rich-text';

/** A decision recorded during a meeting, numbered per meeting; an edit keeps the earlier text. */
export interface Decision {
  meetingId: string;
  networkId: string;
  number: number;
  /** The agenda item (1-based) it belongs to, if any. */
  item?: number;
  /** The item's sub-item ("b" of "punkt 2b"), if any. */
  subItem?: string;
  /** As typed (what the edit form shows). */
  text: string;
  /** The same, read once into paragraphs, lists and emphasis: what the minutes and cards render. */
  body?: RichText;
  /** Earlier wordings, oldest first. */
  previous: { text: string; changedAt: string; changedBy: string }[];
  status: 'active' | 'undone';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const DECISION_TEXT_MAX = 2000;

export type ItemAndText =
  { item?: number; subItem?: string; text: string } | { problem: 'empty' | 'tooLong' | 'badItem' };

/** The sub-items' letters of each item (1-based), for `punkt 2b`. */
export type SubItemsOf = (item: number) => readonly string[];

/**
 * Reads `[punkt N] <text>` / `[item N] <text>` after a command word (decisions, notes); `punkt 2b` names a sub-item.
 * The item (and sub-item) must exist on the agenda (`itemCount`, `subItemsOf`); without one the decision goes to the
 * current item.
 */
export function parseItemAndText(args: string, itemCount: number, subItemsOf?: SubItemsOf): ItemAndText {
  const match = /^(?:punkt|item|p\.?)\s*(\d{1,2})([a-h])?(?![\wåäöÅÄÖ])[:.,]?\s*/i.exec(args);
  const item = match ? Number(match[1]) : undefined;
  const subItem = match?.[2]?.toLowerCase();
  const text = (match ? args.slice(match[0].length) : args).trim();
  if (item !== undefined && (item < 1 || item > itemCount)) return { problem: 'badItem' };
  if (item !== undefined && subItem && !(subItemsOf?.(item) ?? []).includes(subItem))
    return { problem: 'badItem' };
  if (!text) return { problem: 'empty' };
  if (text.length > DECISION_TEXT_MAX) return { problem: 'tooLong' };
  return { ...(item !== undefined ? { item } : {}), ...(subItem ? { subItem } : {}), text };
}

/** The sub-items of a meeting's agenda, for `parseItemAndText`. */
export const subItemsOf =
  (items: readonly { subItems?: readonly { label: string }[] }[]): SubItemsOf =>
  (item) =>
    (items[item - 1]?.subItems ?? []).map((sub) => sub.label);

/** Reads `punkt N` / `item N` (moving the current item); undefined unless N is on the agenda. */
export function parseItemArgs(args: string, itemCount: number): number | undefined {
  const match = /^(\d{1,2})$/.exec(args.trim());
  const item = match ? Number(match[1]) : undefined;
  return item !== undefined && item >= 1 && item <= itemCount ? item : undefined;
}
