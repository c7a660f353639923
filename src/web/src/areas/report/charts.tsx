/**
 * Plain SVG charts of the statistics page (no chart library): a monthly column chart and
 * horizontal bars. Each bar is a button that drills down to the records behind it.
 */

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Shown instead of the value (e.g. a rate as a percentage). */
  text?: string;
}

const COLOR = '#1677ff';

/** Twelve columns, one per month; `onPick` drills down to a month. */
export function MonthlyColumns({ title, bars, onPick, max }: { title: string; bars: Bar[]; onPick?: (b: Bar) => void; max?: number }) {
  const width = 560;
  const height = 180;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const step = width / bars.length;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height + 36}`} width="100%" style={{ maxWidth: width }}>
      <title>{title}</title>
      <line x1={0} y1={height} x2={width} y2={height} stroke="#d9d9d9" />
      {bars.map((b, i) => {
        const h = (b.value / top) * (height - 20);
        const x = i * step + step * 0.2;
        return (
          <g
            key={b.key}
            role={onPick ? 'button' : undefined}
            tabIndex={onPick ? 0 : undefined}
            aria-label={`${b.label}：${b.text ?? b.value}`}
            style={{ cursor: onPick && b.value > 0 ? 'pointer' : 'default' }}
            onClick={() => onPick?.(b)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onPick?.(b)}
          >
            <rect x={x} y={height - h} width={step * 0.6} height={Math.max(h, 0)} fill={COLOR} rx={2} />
            <text x={x + step * 0.3} y={height - h - 4} textAnchor="middle" fontSize={11} fill="#595959">
              {b.value > 0 ? (b.text ?? b.value) : ''}
            </text>
            <text x={x + step * 0.3} y={height + 16} textAnchor="middle" fontSize={11} fill="#8c8c8c">
              {b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Horizontal bars (by department, or rates 0–1 with `max` 1). */
export function HorizontalBars({ title, bars, onPick, max }: { title: string; bars: Bar[]; onPick?: (b: Bar) => void; max?: number }) {
  const width = 560;
  const row = 26;
  const labelWidth = 150;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const height = Math.max(bars.length, 1) * row;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
      <title>{title}</title>
      {bars.length === 0 && (
        <text x={0} y={18} fontSize={12} fill="#8c8c8c">
          暂无数据
        </text>
      )}
      {bars.map((b, i) => {
        const w = (b.value / top) * (width - labelWidth - 60);
        return (
          <g
            key={b.key}
            role={onPick ? 'button' : undefined}
            tabIndex={onPick ? 0 : undefined}
            aria-label={`${b.label}：${b.text ?? b.value}`}
            style={{ cursor: onPick ? 'pointer' : 'default' }}
            onClick={() => onPick?.(b)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onPick?.(b)}
          >
            <text x={0} y={i * row + 17} fontSize={12} fill="#262626">
              {b.label.length > 11 ? `${b.label.slice(0, 11)}…` : b.label}
            </text>
            <rect x={labelWidth} y={i * row + 5} width={Math.max(w, 1)} height={16} fill={COLOR} rx={2} />
            <text x={labelWidth + Math.max(w, 1) + 6} y={i * row + 17} fontSize={12} fill="#595959">
              {b.text ?? b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
