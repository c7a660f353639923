import { getMetadataStorage } from 'type-graphql';

/**
 * Chinese names of enum values for documents: the description each enum registered for the
 * schema (every enum of the domain describes its values in Chinese), so a document never shows a
 * raw value and the names stay in one place. Remarks on where a value applies are dropped: 同意（仅限…） → 同意.
 */
export function enumLabel(enumName: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const e = getMetadataStorage().enums.find((x) => x.name === enumName);
  const config = e?.valuesConfig as Record<string, { description?: string }> | undefined;
  const d = config?.[value]?.description;
  if (!d) return value;
  return d.replace(/\s*[（(][^）)]*(仅限|R-)[^）)]*[）)]\s*$/, '').trim() || d;
}

/** yes / no in a document. */
export const yesNo = (v: boolean | null | undefined) => (v ? '是' : '否');
