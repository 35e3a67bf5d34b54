export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

/** One HTTP call as an unmodified client would make it; the body is parsed as JSON when it is JSON. */
export async function send(
  method: 'POST' | 'PUT' | 'GET' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the raw text is the body.
  }
  return { status: response.status, body: parsed, text };
}

export function rainbondCertificatesUrl(gatewayUrl: string, teamId: string, certificateId?: number | string): string {
  const base = `${gatewayUrl}/openapi/v1/teams/${teamId}/certificates`;
  return certificateId === undefined ? base : `${base}/${certificateId}`;
}
