import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';

/**
 * The bundled GraphQL explorer (/explorer): nothing is loaded from another origin. Requests carry
 * the console's session cookie; an API client's token can be given in the headers tab instead.
 */
const fetcher = async (params: unknown, opts?: { headers?: Record<string, string> }) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(opts?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return res.json();
};

const defaultQuery = `# 云湖合法性审查 GraphQL 接口（/graphql）。已登录控制台时沿用其会话；
# API 客户端可在 Headers 中填写 {"Authorization": "Bearer <token>"}。
query Rules {
  rules {
    id
    title
  }
}
`;

createRoot(document.getElementById('explorer')!).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
