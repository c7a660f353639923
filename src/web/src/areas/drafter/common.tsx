import { useEffect } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useMutation } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';
import { Card, Result } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { ApiErrorAlert, apiErrors } from '../../shared';

/**
 * A mutation of the drafter's workspace: when it succeeds every query on screen is asked again, so
 * the blockers, the state and the available actions always show what the API says now. The
 * mutation resolves as soon as the API answered (the form is cleared then), the screen follows when
 * the queries are back.
 */
export function useWorkspaceMutation<TData, TVars extends Record<string, unknown>>(doc: TypedDocumentNode<TData, TVars>) {
  return useMutation(doc, { refetchQueries: 'active' });
}

/** Runs a mutation and swallows its rejection: the error is already in the hook's state, shown beside the form. */
export async function attempt<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch {
    return undefined;
  }
}

/**
 * A screen whose object could not be read: another department's object is FORBIDDEN (the API never
 * shows its content), an unknown id NOT_FOUND; both as a result page, anything else as the API said.
 */
export function LoadFailure({ error, what }: { error: unknown; what: string }) {
  const errors = apiErrors(error);
  const code = errors[0]?.code;
  if (code === 'FORBIDDEN') {
    return <Result status="403" title={`无权查看该${what}`} subTitle={errors[0]!.message} extra={<Link to="/drafter/proposals">返回本部门决策建议</Link>} />;
  }
  if (code === 'NOT_FOUND') {
    return <Result status="404" title={`${what}不存在`} subTitle={errors[0]!.message} extra={<Link to="/drafter/proposals">返回本部门决策建议</Link>} />;
  }
  return <ApiErrorAlert error={error} title={`无法加载${what}`} />;
}

/** A LocalDate (YYYY-MM-DD) from a DatePicker's value. */
export function localDate(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

/** A DatePicker value from a LocalDate. */
export function dayOf(s: string | null | undefined): Dayjs | undefined {
  return s ? dayjs(s, 'YYYY-MM-DD') : undefined;
}

/**
 * A section of the workspace that a blocker can link to: a card with an id (the address's hash),
 * focused and scrolled into view when the hash names it.
 */
export function Section({ id, title, extra, children }: { id: string; title: React.ReactNode; extra?: React.ReactNode; children: React.ReactNode }) {
  const { hash } = useLocation();
  useEffect(() => {
    if (hash !== `#${id}`) return;
    const el = document.getElementById(id);
    if (!el) return;
    // after the tab switch has painted
    const t = window.setTimeout(() => {
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    }, 50);
    return () => window.clearTimeout(t);
  }, [hash, id]);
  return (
    <section id={id} tabIndex={-1} aria-label={typeof title === 'string' ? title : undefined} style={{ outline: 'none', scrollMarginTop: 16 }}>
      <Card title={title} extra={extra} size="small">
        {children}
      </Card>
    </section>
  );
}

/** Visually hidden text for screen readers (the diff's 新增/删除 cues, …). */
export const SR_ONLY: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
