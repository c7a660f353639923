import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../db/availability';
import express from 'express';
import { AppError, BadInputError, ServiceUnavailableError, UnauthenticatedError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Context } from './context';
import { refusedInput } from './errors';
import { MaterialKind } from '../content/material.enums';
import type { Material } from '../content/material.entity';

/**
 * Materials over plain HTTP, with the same bearer token as GraphQL:
 *
 * - `GET /materials/<id>`: the bytes, for users who may see the material's owner;
 * - `POST /materials?proposalId=…|contractId=…|normativeDocumentId=…&kind=…&title=…&fileName=…`: an upload. The body is the
 *   file itself (any content type; it becomes the material's type). The caller is authenticated
 *   before a byte is read, the declared and the streamed length are capped at MATERIAL_MAX_BYTES,
 *   and the answer is the material as JSON (201). This is the only route that accepts a large body.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_NAME = /^[^/\\\u0000-\u001f]{1,255}$/;
const MIME = /^[\w.+-]+\/[\w.+-]+$/;
const FORBIDDEN = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Types a browser would run as a page or a script of this origin: HTML, XML of any kind (SVG,
 * XHTML, XSLT …) and scripts. Their files download as opaque bytes; the recorded type stays as
 * uploaded.
 */
const ACTIVE_TYPE = /^(text\/(html|xml|xsl|javascript|ecmascript|x-javascript|jscript|vbscript)|application\/(xml|xml-dtd|javascript|ecmascript|x-javascript|x-shockwave-flash)|[\w.-]+\/[\w.+-]*\+xml)$/i;

/** The Content-Type a material's file is served with. */
function downloadType(mimeType: string | null | undefined): string {
  if (!mimeType || ACTIVE_TYPE.test(mimeType)) return 'application/octet-stream';
  return mimeType;
}

type Send = (status: number, code: string, message: string, extra?: Record<string, unknown>) => void;

function sender(res: express.Response): Send {
  return (status, code, message, extra = {}) => {
    res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
  };
}

function statusOf(e: AppError): number {
  return { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401, CONFLICT: 409 }[e.code as string] ?? 400;
}

export function materialJson(m: Material) {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    fileName: m.fileName ?? null,
    mimeType: m.mimeType ?? null,
    sizeBytes: m.sizeBytes,
    contentHash: m.contentHash,
    downloadUrl: `/materials/${m.id}`,
    createdAt: m.createdAt,
  };
}

/** The owners a file may be uploaded to: one query parameter each. */
const OWNER_PARAMS = ['proposalId', 'contractId', 'normativeDocumentId'] as const;
type OwnerParam = (typeof OWNER_PARAMS)[number];

interface UploadRequest {
  owner: { param: OwnerParam; id: string };
  kind: MaterialKind;
  title: string;
  fileName: string;
  mimeType: string;
}

/** The upload's query parameters, checked like the GraphQL material input. */
export function parseUploadQuery(query: Record<string, unknown>, contentType: string | undefined): UploadRequest {
  const one = (name: string): string | undefined => {
    const v = query[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new BadInputError(`参数 ${name} 只能出现一次`, name);
    if (FORBIDDEN.test(v)) throw new BadInputError(`参数 ${name} 包含不允许的字符`, name);
    return v;
  };
  const given = OWNER_PARAMS.flatMap((param) => {
    const id = one(param);
    return id === undefined ? [] : [{ param, id }];
  });
  if (given.length !== 1) throw new BadInputError('请用 proposalId、contractId 或 normativeDocumentId（三选一）指明材料所属', 'proposalId');
  const owner = given[0]!;
  if (!UUID.test(owner.id)) throw new BadInputError(`${owner.param} 格式无效`, owner.param);
  const kind = one('kind');
  if (!kind || !(Object.values(MaterialKind) as string[]).includes(kind)) throw new BadInputError('材料类别（kind）无效', 'kind');
  const title = one('title')?.trim();
  if (!title || title.length > 200) throw new BadInputError('请填写材料标题（1–200 个字符）', 'title');
  const fileName = one('fileName');
  if (!fileName || !FILE_NAME.test(fileName)) throw new BadInputError('文件名须为 1–255 个字符，且不能包含路径或控制字符', 'fileName');
  const mimeType = (contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (!MIME.test(mimeType)) throw new BadInputError('文件类型（Content-Type）格式无效', 'mimeType');
  return { owner, kind: kind as MaterialKind, title, fileName, mimeType };
}

/** The database is away: raised by the context (a GraphQLError) or by a query. */
function unavailable(e: unknown): boolean {
  return (e instanceof GraphQLError && e.extensions.code === 'SERVICE_UNAVAILABLE') || isDatabaseUnavailable(e);
}

export function materialRoutes(deps: {
  maxBytes: number;
  logger: Logger;
  /** The request's context; SERVICE_UNAVAILABLE when the database cannot be reached. */
  context: (req: express.Request) => Promise<Context>;
}): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: deps.maxBytes });

  router.get('/materials/:id', async (req, res) => {
    const send = sender(res);
    try {
      const ctx = await deps.context(req);
      if (!ctx.user) return send(401, 'UNAUTHENTICATED', ctx.authProblem ?? '请先登录');
      if (!UUID.test(req.params.id)) return send(400, 'BAD_USER_INPUT', '材料 id 格式无效');
      const { material, content } = await ctx.services.materialContent(ctx.user, req.params.id);
      const name = material.fileName ?? `${material.title}.txt`;
      res.setHeader('Content-Type', material.fileName ? downloadType(material.mimeType) : 'text/plain; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.setHeader('X-Content-SHA256', material.contentHash);
      // An uploaded file is never a page of this site: no sniffing, and if a browser renders it
      // anyway, in a sandbox without scripts, forms or this origin's cookies.
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', 'sandbox');
      return res.send(content);
    } catch (e) {
      if (e instanceof AppError) return send(statusOf(e), e.code, e.message);
      if (unavailable(e)) return send(503, 'SERVICE_UNAVAILABLE', new ServiceUnavailableError().message);
      const refused = refusedInput(e, deps.logger);
      if (refused) return send(400, refused.code, refused.message, refused.details);
      deps.logger.error({ err: e }, 'material download failed');
      return send(500, 'INTERNAL_SERVER_ERROR', '服务器内部错误，请稍后重试');
    }
  });

  router.post('/materials', async (req, res, next) => {
    const send = sender(res);
    const refuseEarly = (status: number, code: string, message: string, extra?: Record<string, unknown>) => {
      // The body was not read: close the connection rather than drain it.
      res.setHeader('Connection', 'close');
      send(status, code, message, extra);
    };
    try {
      const ctx = await deps.context(req);
      if (!ctx.user) throw new UnauthenticatedError(ctx.authProblem ?? '请先登录后再上传材料');
      const upload = parseUploadQuery(req.query as Record<string, unknown>, req.headers['content-type']);
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > deps.maxBytes) {
        return refuseEarly(413, 'BAD_USER_INPUT', `文件过大：${declared} 字节，上限 ${deps.maxBytes} 字节`, { reason: 'BODY_TOO_LARGE', limitBytes: deps.maxBytes });
      }
      const bytes = await new Promise<Buffer>((resolve, reject) => {
        raw(req, res, (err?: unknown) => (err ? reject(err) : resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0))));
      });
      const fields = { kind: upload.kind, title: upload.title, fileName: upload.fileName, mimeType: upload.mimeType, bytes };
      const { id, param } = upload.owner;
      // The same service, checks and audit entry as the owner's GraphQL mutation.
      const add: Record<OwnerParam, () => Promise<{ material: Material }>> = {
        proposalId: () => ctx.services.proposalMaterials.add(ctx.user!, { ...fields, proposalId: id }),
        contractId: () => ctx.services.contracts.addMaterial(ctx.user!, { ...fields, contractId: id }),
        normativeDocumentId: () => ctx.services.normativeMaterials.add(ctx.user!, { ...fields, documentId: id }),
      };
      const { material } = await add[param]();
      return res.status(201).json({ material: materialJson(material) });
    } catch (e) {
      if (e instanceof AppError) return refuseEarly(statusOf(e), e.code, e.message);
      if (unavailable(e)) return refuseEarly(503, 'SERVICE_UNAVAILABLE', new ServiceUnavailableError().message);
      const refused = refusedInput(e, deps.logger);
      if (refused) return refuseEarly(400, refused.code, refused.message, refused.details);
      const err = e as { status?: number; type?: string };
      if (err.type === 'entity.too.large') {
        return send(413, 'BAD_USER_INPUT', `文件过大：上限 ${deps.maxBytes} 字节`, { reason: 'BODY_TOO_LARGE', limitBytes: deps.maxBytes });
      }
      return next(e);
    }
  });

  return router;
}
