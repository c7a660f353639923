import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * The console's one Apollo Client. The session is the httpOnly cookie the server set on login
 * (`credentials: 'same-origin'`); no token is ever held by the page. JSON bodies satisfy the
 * server's CSRF prevention.
 */
export function createApolloClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        // Rules are keyed by their id (R-DEC-4); the registry never changes while the server runs.
        Rule: { keyFields: ['id'] },
        // Values without their own identity are merged into their parent.
        AvailableAction: { keyFields: false },
        ViolationType: { keyFields: false },
      },
    }),
    defaultOptions: {
      // Work lists change under other users' hands: show the cache, then the server's answer.
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
