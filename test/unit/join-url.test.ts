import { joinUrlKey } from '../../src/domain/join-url';

describe('joinUrlKey', () => {
  it('is the same for a join link encoded with a context query and decoded without one', () => {
    const fromEvent =
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQx%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';
    const fromCalendar = 'https://Teams.Microsoft.com/l/meetup-join/19:meeting_NzQx@thread.v2/0';
    expect(joinUrlKey(fromEvent)).toBe(joinUrlKey(fromCalendar));
    expect(joinUrlKey(fromEvent)).toBe('teams.microsoft.com/l/meetup-join/19:meeting_nzqx@thread.v2/0');
  });

  it('tells different meetings apart and refuses what is not a URL', () => {
    expect(joinUrlKey('https://teams.microsoft.com/l/meetup-join/19%3ameeting_A%40thread.v2/0')).not.toBe(
      joinUrlKey('https://teams.microsoft.com/l/meetup-join/19%3ameeting_B%40thread.v2/0'),
    );
    expect(joinUrlKey('not a link')).toBeUndefined();
  });
});
