// metav1.Status bodies as the real API server writes them, so clients parse our errors exactly as
// they parse a cluster's (client-node surfaces `body.message`, client-go maps `reason`).
import { qualifiedResource, type ResourceType } from './resources';

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: unknown[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** A Status with its HTTP code; thrown by handlers and written by the router. */
export class StatusError extends Error {
  constructor(
    readonly body: StatusBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message ?? body.reason ?? String(body.code));
  }
  get code(): number {
    return this.body.code;
  }
}

function failure(
  code: number,
  reason: string,
  message: string,
  details?: StatusBody['details'],
): StatusBody {
  const body: StatusBody = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (details) body.details = details;
  return body;
}

function resourceDetails(type: ResourceType, name: string): StatusBody['details'] {
  return type.group === ''
    ? { name, kind: type.plural }
    : { name, group: type.group, kind: type.plural };
}

export function notFound(type: ResourceType, name: string): StatusError {
  return new StatusError(
    failure(
      404,
      'NotFound',
      `${qualifiedResource(type)} "${name}" not found`,
      resourceDetails(type, name),
    ),
  );
}

export function pathNotFound(): StatusError {
  return new StatusError(
    failure(404, 'NotFound', 'the server could not find the requested resource', {}),
  );
}

export function alreadyExists(type: ResourceType, name: string): StatusError {
  return new StatusError(
    failure(
      409,
      'AlreadyExists',
      `${qualifiedResource(type)} "${name}" already exists`,
      resourceDetails(type, name),
    ),
  );
}

export function conflict(type: ResourceType, name: string): StatusError {
  return new StatusError(
    failure(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      resourceDetails(type, name),
    ),
  );
}

export function invalid(type: ResourceType, name: string, message: string): StatusError {
  const kind = type.kind;
  return new StatusError(
    failure(422, 'Invalid', `${kind} "${name}" is invalid: ${message}`, {
      ...resourceDetails(type, name),
      kind,
    }),
  );
}

export function badRequest(message: string): StatusError {
  return new StatusError(failure(400, 'BadRequest', message));
}

export function methodNotAllowed(method: string): StatusError {
  return new StatusError(
    failure(
      405,
      'MethodNotAllowed',
      `the server does not allow this method on the requested resource (${method})`,
      {},
    ),
  );
}

export function unsupportedMediaType(contentType: string): StatusError {
  const accepted =
    'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';
  const message = `the body of the request was in an unknown format - accepted media types include: ${accepted} (got ${contentType})`;
  return new StatusError(failure(415, 'UnsupportedMediaType', message));
}

export function tooLarge(): StatusError {
  return new StatusError(failure(413, 'RequestEntityTooLarge', 'the request body is too large'));
}

export function unauthorized(): StatusError {
  return new StatusError(failure(401, 'Unauthorized', 'Unauthorized'));
}

/** The body of a 410, both as an HTTP answer and inside a watch ERROR event. */
export function expiredBody(requested: string, oldest: number): StatusBody {
  return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

export function serverError(
  code: number,
  message?: string,
  retryAfterSeconds?: number,
): StatusError {
  // The reasons the real API server (k8s.io/apimachinery/pkg/api/errors) gives each status.
  const reasons: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    405: 'MethodNotAllowed',
    409: 'Conflict',
    410: 'Expired',
    422: 'Invalid',
    429: 'TooManyRequests',
    500: 'InternalError',
    503: 'ServiceUnavailable',
    504: 'Timeout',
  };
  const reason = reasons[code] ?? 'InternalError';
  const defaults: Record<number, string> = {
    429: 'Too many requests, please try again later.',
    500: 'Internal error occurred: injected fault',
  };
  const text = message ?? defaults[code] ?? 'the server is currently unable to handle the request';
  const details: StatusBody['details'] | undefined =
    retryAfterSeconds !== undefined ? { retryAfterSeconds } : undefined;
  const headers: Record<string, string> =
    retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {};
  return new StatusError(failure(code, reason, text, details), headers);
}

export function deleted(type: ResourceType, name: string, uid: string): StatusBody {
  const details = { ...resourceDetails(type, name), uid } as StatusBody['details'];
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 };
}
