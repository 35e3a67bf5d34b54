const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Hooks that start a nats-server or an embedded database, and connect to it, can take longer than Jest's
  // 5 s on a 2-core machine that is also building and testing other projects (`npm test` runs two at once).
  // A hook that times out keeps running after its afterAll, and the handles it opens then keep Jest from
  // exiting. Nothing asserts on time; a hang still fails, after 30 s.
  testTimeout: 30_000,
};
