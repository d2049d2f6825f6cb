// A quoted, cut preview of an input for error messages: `'abc…' (131072 characters)`. Same
// contract as `preview` in @cicd-actions/core/inputs (CORE-API.md); this copy goes when that lands.
export function preview(value: string, max = 60): string {
  const chars = [...value];
  if (chars.length <= max) return `'${value}'`;
  return `'${chars.slice(0, max).join('')}…' (${chars.length} characters)`;
}
