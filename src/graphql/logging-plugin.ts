import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../core/logger';
import type { Context } from './context';

/** One log line per GraphQL operation: name, duration, error codes, user id. No variables. */
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
              operationName: rc.operationName ?? rc.request.operationName ?? null,
              operationType: rc.operation?.operation ?? null,
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
