import { Link } from 'react-router-dom';

/** A rule id as a link to its registry entry (the `rule(id)` query), with its title when known. */
export function RuleLink({ id, title }: { id: string; title?: string | null }) {
  return (
    <Link to={`/rules/${encodeURIComponent(id)}`} title={title ?? undefined}>
      {id}
      {title ? ` ${title}` : ''}
    </Link>
  );
}
