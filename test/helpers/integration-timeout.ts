// These tests start real servers and processes; on a busy CI machine Jest's 5 s is not enough for a spawned bot.
// (Jest reads `testTimeout` from the global config only, so a project sets it here.)
jest.setTimeout(30_000);
