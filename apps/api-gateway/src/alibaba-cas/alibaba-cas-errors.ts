import { renderCerthubError } from '../errors/certhub-errors';
import type { ErrorRenderer } from '../errors/error-renderer';

// Placeholder until the alibaba-cas dialect renders its documented error body.
export const renderAlibabaCasError: ErrorRenderer = renderCerthubError;
