// @peculiar/x509 resolves its algorithm registry through tsyringe, which refuses to load without a Reflect
// metadata polyfill. Importing the polyfill here keeps certificates/ usable outside the Nest entry point (specs,
// benchmarks), and it must stay above the library import.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

// The library discovers a WebCrypto provider on its own only in browsers (it looks for `self`).
x509.cryptoProvider.set(webcrypto);

export { x509 };
