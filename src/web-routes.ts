import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';

/**
 * Security headers of every answer. The Content-Security-Policy allows nothing from another origin
 * and no inline script; styles may be inline because Ant Design (CSS-in-JS) and the explorer's editor
 * inject <style> elements at run time — a nonce would need index.html rendered per request, and an
 * injected style cannot run code. Frames: none, in either direction.
 */
export function securityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        frameSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Plain HTTP on an intranet is possible: HSTS is the HTTPS proxy's business.
    strictTransportSecurity: false,
  });
}

const API_PATHS = /^\/(graphql|materials|documents|healthz|readyz)(\/|$)/;

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>云湖合法性审查</title></head>
<body><h1>网页控制台尚未构建</h1><p>请在项目目录运行 <code>npm run build</code>（构建服务器与控制台），然后重新启动服务器。</p>
<p>GraphQL 接口位于 <code>/graphql</code>。</p></body></html>`;

/**
 * The built console (WEB_DIR, default dist/web): hashed assets with a long cache life, and the
 * console's index.html for any other GET that prefers HTML (a browser's navigation: its client-side routes); /explorer is the
 * bundled GraphiQL. The API's own paths never reach the fallback.
 */
export function consoleRoutes(opts: { dir: string; introspection: boolean }): express.Router {
  const router = express.Router();
  const indexFile = path.join(opts.dir, 'index.html');
  const explorerFile = path.join(opts.dir, 'explorer.html');
  router.use(
    '/assets',
    express.static(path.join(opts.dir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.get(/.*/, (req, res, next) => {
    // A browser navigating asks for HTML first; curl, fetch and API clients (*/*, JSON) keep the JSON 404.
    if (API_PATHS.test(req.path) || req.accepts(['json', 'html']) !== 'html') return next();
    const file = req.path === '/explorer' || req.path.startsWith('/explorer/') ? explorerFile : indexFile;
    if (!existsSync(file)) {
      res.status(req.path === '/' ? 200 : 404).type('html').send(NOT_BUILT);
      return;
    }
    if (file === explorerFile && !opts.introspection) {
      res
        .status(404)
        .type('html')
        .send('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>接口浏览器</title></head><body><p>此环境关闭了接口内省（GRAPHQL_INTROSPECTION），接口浏览器不可用。</p></body></html>');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  });
  return router;
}
