import type { RichText } from './rich-text';

/** The secretary's free-text note on an agenda item; it goes into the minutes under that item. */
export interface ItemNote {
  meetingId: string;
  networkId: string;
  noteId: string;
  item?: number;
  /** The item's sub-item ("b" of "punkt 2b"), if any. */
  subItem?: string;
  /** As typed. */
  text: string;
  /** The same, read once into paragraphs, lists and emphasis: what the minutes render. */
  body?: RichText;
  createdBy: string;
  createdAt: string;
}
