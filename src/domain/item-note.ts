/** The secretary's free-text note on an agenda item; it goes into the minutes under that item. */
export interface ItemNote {
  meetingId: string;
  networkId: string;
  noteId: string;
  item?: number;
  text: string;
  createdBy: string;
  createdAt: string;
}
