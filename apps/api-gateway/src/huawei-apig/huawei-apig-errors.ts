import { renderCerthubError } from '../errors/certhub-errors';
import type { ErrorRenderer } from '../errors/error-renderer';

// Placeholder until the huawei-apig dialect renders its documented error body.
export const renderHuaweiApigError: ErrorRenderer = renderCerthubError;
