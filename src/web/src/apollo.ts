import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { isUnauthenticated } from './shared/errors';
import { TYPES_WITH_ACTIONS } from './action-types';

/** Sent on window when a request finds the session gone (expired, logged out elsewhere); the session provider listens. */
export const SIGNED_OUT_EVENT = 'yunhu:signed-out';

/**
 * The console's one Apollo Client. The session is the httpOnly cookie the server set on login
 * (`credentials: 'same-origin'`); no token is ever held by the page. JSON bodies satisfy the
 * server's CSRF prevention.
 */
export function createApolloClient() {
  const signedOut = new ErrorLink(({ error, operation }) => {
    if (operation.operationName !== 'ConsoleMe' && isUnauthenticated(error)) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  });
  return new ApolloClient({
    link: ApolloLink.from([signedOut, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        // Rules are keyed by their id (R-DEC-4); the registry never changes while the server runs.
        Rule: { keyFields: ['id'] },
        // Values without their own identity are merged into their parent.
        AvailableAction: { keyFields: false },
        ViolationType: { keyFields: false },
        // A refetched list of actions replaces the cached one (Apollo would otherwise warn that
        // replacing unkeyed values may lose data, e.g. when a retried delivery's only action goes).
        ...Object.fromEntries(TYPES_WITH_ACTIONS.map((type) => [type, { fields: { availableActions: { merge: false } } }])),
      },
    }),
    defaultOptions: {
      // Work lists change under other users' hands: show the cache, then the server's answer.
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
