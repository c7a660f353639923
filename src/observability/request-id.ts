import type { RequestHandler } from 'express';
import { acceptRequestId, currentRequest, runInRequest } from '../core/request-context';

/**
 * X-Request-Id on every response: a well-formed incoming one (from a proxy or a client) is kept,
 * otherwise one is generated. The rest of the request runs inside its context, so every log line
 * written for it carries the id.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const id = acceptRequestId(req.headers['x-request-id']);
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    runInRequest({ requestId: id }, () => next());
  };
}

/**
 * Enters the request's context again: body parsing continues from stream events, outside the
 * context the request started in, so a route that reads a body re-enters after parsing.
 */
export function reenterRequest(): RequestHandler {
  return (_req, res, next) => {
    const id = res.locals.requestId as string | undefined;
    if (!id || currentRequest()?.requestId === id) return next();
    runInRequest({ requestId: id }, () => next());
  };
}
