/** 白浩伟 → 白**: other bidders are shown by their first character only, masked on the server. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0] ?? '*';
  return `${first}**`;
}
