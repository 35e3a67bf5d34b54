// Cross-service tests: real nats-server, the embedded MongoDB-protocol server and the built services as
// child processes. One suite at a time, because each suite starts its own servers and three services.
module.exports = {
  displayName: 'integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  maxWorkers: 1,
  testTimeout: 120_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
};
