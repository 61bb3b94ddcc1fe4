import { plainText, type RichText } from './rich-text';

/**
 * How the networks write a decision inside their notes: "Nätverket beslutar att …", "Nätverket ställer sig bakom
 * …", "Nätverket tycker att förslaget … är bra och nominerar …", and the English equivalents. Only offered to the
 * secretary as a decision, never recorded as one without her.
 */
const DECIDING = [
  /\b(?:nätverket|gruppen|vi)\b[^.!?]*?\b(?:beslutar|beslöt|beslutade|ställer sig bakom|ställde sig bakom|nominerar|nominerade|godkänner|godkände|tillstyrker|tillstyrkte|antar|antog|enas om|enades om)\b/i,
  /\bthe (?:network|group)\b[^.!?]*?\b(?:decides?|decided|agrees?|agreed|supports?|supported|endorses?|endorsed|nominates?|nominated|approves?|approved)\b/i,
  /\bwe (?:decide|decided|agree|agreed|support|endorse|nominate|approve)\b/i,
];

/** Sentences end at . ! ? followed by a capital letter (a new sentence), not inside "t ex." or numbers. */
const sentencesOf = (text: string): string[] =>
  text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/))
    .map((sentence) => sentence.trim())
    .filter(Boolean);

/** The sentences of a note that read as decisions, in order. */
export function decisionSentences(note: RichText): string[] {
  return sentencesOf(plainText(note)).filter((sentence) =>
    DECIDING.some((pattern) => pattern.test(sentence)),
  );
}
