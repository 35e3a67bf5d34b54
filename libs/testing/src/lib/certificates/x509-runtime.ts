// @peculiar/x509 loads tsyringe, which throws at import time without a Reflect metadata polyfill; the polyfill
// import must stay above the library import.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

// The library finds a WebCrypto provider on its own only in browsers.
x509.cryptoProvider.set(webcrypto);

export { x509 };
