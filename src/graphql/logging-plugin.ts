import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../core/logger';
import type { Context } from './context';
import { operationNameIn, rootFields } from './observability-plugin';

/** One log line per GraphQL operation: request id, name, type, root fields, duration, error codes, user id. No variables. */
export function loggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const body = rc.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          logger.info(
            {
              requestId: rc.contextValue?.requestId,
              operationName: rc.operationName ?? rc.request.operationName ?? operationNameIn(rc.document) ?? null,
              operationType: rc.operation?.operation ?? null,
              rootFields: rootFields(rc.operation, rc.document),
              durationMs: Math.round(durationMs * 10) / 10,
              errorCodes: [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))],
              userId: rc.contextValue?.user?.id ?? null,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
