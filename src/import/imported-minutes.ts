/**
 * What the reader finds in one set of a network's past minutes: the contract of `import-minutes --dry-run --json`
 * (one object per file), and what an import stores.
 */
export interface ImportedPerson {
  name: string;
  organisation: string | null;
  status: 'present' | 'guest' | 'absent';
  /** Items (1-based) a part-time attendee was there for; empty for the whole meeting. */
  items: number[];
}

export interface ImportedPresenter {
  name: string;
  organisation: string | null;
}

export interface ImportedItem {
  number: number | null;
  title: string;
  presenters: ImportedPresenter[];
  slides: boolean;
  subItems: ImportedItem[];
}

export interface ImportedMinutes {
  meeting: { title: string | null; date: string | null; place: string | null };
  attendance: ImportedPerson[];
  items: ImportedItem[];
  decisions: { item: number | null; text: string }[];
  followUps: { item: number | null; owner: string; text: string; due: string | null }[];
  secretary: { name: string; title: string | null } | null;
  upcoming: { date: string; text: string }[];
  /** What the reader was unsure of, said instead of guessed silently. */
  warnings: string[];
  /** Each item's notes, in order (not part of the JSON contract; what an import stores as notes). */
  notes: { item: number | null; text: string }[];
}
