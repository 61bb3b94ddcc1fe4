import { activityBodySchema } from '../../src/http/activity-body';

const activity = (serviceUrl: string) => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl,
  conversation: { id: '19:chat@thread.v2' },
  from: { id: '29:user' },
  recipient: { id: '28:bot' },
});

describe('the activity check', () => {
  it.each([
    ['https://smba.trafficmanager.net/emea/', true, true],
    ['http://127.0.0.1:3978/', false, true],
    ['http://127.0.0.1:3978/', true, false],
    ['http://localhost:3978/', true, false],
    ['http://smba.example/', false, false],
    ['javascript:alert(1)//', false, false],
    ['nope', false, false],
  ])('%s in production=%s: accepted %s', (serviceUrl, production, accepted) => {
    expect(activityBodySchema({ production }).safeParse(activity(serviceUrl)).success).toBe(accepted);
  });
});
