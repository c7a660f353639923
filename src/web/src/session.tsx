import { createContext, useCallback, useContext, useEffect, useMemo } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from './gql-shell';
import type { ConsoleMeQuery, Role } from './gql-shell/graphql';
import { isUnauthenticated } from './shared/errors';
import { SIGNED_OUT_EVENT } from './apollo';

const MeDoc = graphql(`
  query ConsoleMe {
    me {
      id
      username
      displayName
      roles
      department {
        id
        code
        name
      }
    }
  }
`);

const LoginDoc = graphql(`
  mutation ConsoleLogin($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      expiresAt
      user {
        id
      }
    }
  }
`);

const LogoutDoc = graphql(`
  mutation ConsoleLogout {
    logout {
      loggedOutAt
    }
  }
`);

export type SessionUser = ConsoleMeQuery['me'];

interface Session {
  /** The signed-in user, null when signed out, undefined while asking the server. */
  user: SessionUser | null | undefined;
  hasRole(role: Role): boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Who is signed in, from `me` over the session cookie (the page never sees the token). Login sets
 * the cookie (server side), logout revokes the token and clears it; the cache is emptied either way.
 */
export function SessionProvider({ children }: { children: React.ReactNode }) {
  const client = useApolloClient();
  const me = useQuery(MeDoc, { fetchPolicy: 'network-only', errorPolicy: 'all' });
  const [loginMutation] = useMutation(LoginDoc);
  const [logoutMutation] = useMutation(LogoutDoc);
  // A request that found the session gone: ask `me` again, which sends the layout to the login page.
  const { refetch } = me;
  useEffect(() => {
    const onSignedOut = () => void refetch().catch(() => undefined);
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [refetch]);
  const signedOut = !me.loading && (!me.data?.me || isUnauthenticated(me.error));
  const user = me.loading && !me.data ? undefined : signedOut ? null : me.data!.me;

  const login = useCallback(
    async (username: string, password: string) => {
      await loginMutation({ variables: { username, password } });
      await client.clearStore();
      await me.refetch();
    },
    [client, loginMutation, me],
  );
  const logout = useCallback(async () => {
    try {
      await logoutMutation();
    } finally {
      await client.clearStore();
      await me.refetch().catch(() => undefined);
    }
  }, [client, logoutMutation, me]);

  const value = useMemo<Session>(
    () => ({ user, hasRole: (r) => !!user?.roles.includes(r), login, logout }),
    [user, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
