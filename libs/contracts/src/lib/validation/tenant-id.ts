import { IsString, Length, Matches } from 'class-validator';

/** The rule CommandIdentity applies to tenant ids: safe in a subject token, a message id and a log line. */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/;

/** A tenant id in a request: a string (never an operator object such as `{"$ne": null}`) of that shape. */
export function IsTenantId(): PropertyDecorator {
  return (target, property) => {
    IsString()(target, property);
    Length(1, 128)(target, property);
    Matches(TENANT_ID_PATTERN, { message: '$property may contain letters, digits and . _ : @ / - only' })(target, property);
  };
}
