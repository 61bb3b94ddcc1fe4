import type { BotDeps } from '../../bot/bot-deps';
import type { MinutesClaim } from '../../http/signed-link';
import { isoDate } from '../../domain/when/local-date';
import { renderMinutesDocx } from '../../minutes/minutes-docx';
import { renderMinutesMarkdown } from '../../minutes/minutes-markdown';
import { createTranslator } from '../../i18n/translator';

/** The file a download link names: that exact version of the minutes, as Word or Markdown. */
export function createMinutesFile(deps: Pick<BotDeps, 'minutes'>) {
  return async (
    claim: MinutesClaim,
  ): Promise<{ filename: string; contentType: string; body: Buffer } | undefined> => {
    const found = await deps.minutes.get(claim.meetingId, claim.version);
    if (!found || found.minutes.networkId !== claim.networkId) return undefined;
    const { minutes, language, version } = found.minutes;
    const name = `${createTranslator(language)('minutes.title')}-${isoDate(minutes.date)}-v${version}`;
    return claim.format === 'docx'
      ? {
          filename: `${name}.docx`,
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          body: await renderMinutesDocx(minutes, language),
        }
      : {
          filename: `${name}.md`,
          contentType: 'text/markdown; charset=utf-8',
          body: Buffer.from(renderMinutesMarkdown(minutes, language), 'utf8'),
        };
  };
}
