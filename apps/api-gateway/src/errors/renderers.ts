import { renderRainbondError } from '../rainbond/rainbond-errors';
import { renderCerthubError } from './certhub-errors';
import type { Dialect } from './dialect';
import type { ErrorRenderer } from './error-renderer';

export const ERROR_RENDERERS: Readonly<Record<Dialect, ErrorRenderer>> = {
  rainbond: renderRainbondError,
  'huawei-apig': renderCerthubError,
  'alibaba-cas': renderCerthubError,
  'huawei-scm': renderCerthubError,
  certhub: renderCerthubError,
};
