import { renderAlibabaCasError } from '../alibaba-cas/alibaba-cas-errors';
import { renderHuaweiApigError } from '../huawei-apig/huawei-apig-errors';
import { renderHuaweiScmError } from '../huawei-scm/huawei-scm-errors';
import { renderRainbondError } from '../rainbond/rainbond-errors';
import { renderCerthubError } from './certhub-errors';
import type { Dialect } from './dialect';
import type { ErrorRenderer } from './error-renderer';

export const ERROR_RENDERERS: Readonly<Record<Dialect, ErrorRenderer>> = {
  rainbond: renderRainbondError,
  'huawei-apig': renderHuaweiApigError,
  'alibaba-cas': renderAlibabaCasError,
  'huawei-scm': renderHuaweiScmError,
  certhub: renderCerthubError,
};
