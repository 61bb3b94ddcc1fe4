/**
 * How a network writes its minutes (samples 000–002 and the minutes held back show each of these), chosen on the
 * setup card. Stored with each version of the minutes, so an approved version keeps the layout it was approved in.
 */
export interface MinutesLayout {
  /** `grouped`: "Nätverket" and the association's staff (or by organisation); `flat`: one "Namn, Organisation" list. */
  attendance: 'grouped' | 'flat';
  /** Guests in their own GÄSTER section, or in the list marked "(gäst)". A guest stays a guest in every layout. */
  guests: 'section' | 'marked';
  /** "punkt 3 och 6" or "p 3, 6". */
  itemMarks: 'punkt' | 'p';
  /** "Vid anteckningarna, Namn" or "Antecknat av" with name (and title) on the lines after. */
  closing: 'vid' | 'antecknat';
  /** Each item's time, counted from the meeting's start by the agenda's durations. */
  itemTimes: boolean;
  /** The "Digitalt möte via Teams" or place line under the heading. */
  placeLine: boolean;
}

export const DEFAULT_MINUTES_LAYOUT: MinutesLayout = {
  attendance: 'grouped',
  guests: 'section',
  itemMarks: 'punkt',
  closing: 'vid',
  itemTimes: false,
  placeLine: true,
};

/** The layout, whole: settings and versions from before a choice existed take the default for it. */
export const minutesLayoutOf = (layout: Partial<MinutesLayout> | undefined): MinutesLayout => ({
  ...DEFAULT_MINUTES_LAYOUT,
  ...layout,
});

export const SECRETARY_TITLE_MAX = 100;
