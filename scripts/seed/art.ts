/**
 * Demo pictures drawn as SVG on the spot, so the seed needs no downloads: a tinted
 * background, a motif for the kind of item, and its name.
 */
export type Motif = 'leaf' | 'cup' | 'book' | 'teapot' | 'cake';

export type Palette = { from: string; to: string; ink: string };

export const palettes = {
  jade: { from: '#dfe9d8', to: '#8fb08a', ink: '#24412b' },
  amber: { from: '#f6e7c8', to: '#c98f4a', ink: '#4a2d10' },
  clay: { from: '#f1dcd2', to: '#a9604a', ink: '#43180f' },
  ink: { from: '#e9e6df', to: '#7d786c', ink: '#23211c' },
  tea: { from: '#efe3cf', to: '#8c6b3f', ink: '#33240f' },
} satisfies Record<string, Palette>;

const motifs: Record<Motif, string> = {
  leaf: '<path d="M400 150 C 520 200 560 330 420 450 C 300 380 280 240 400 150 Z" /><path d="M400 160 C 410 260 420 350 420 450" fill="none" stroke-width="6" />',
  cup: '<path d="M280 240 h240 v70 a120 120 0 0 1 -240 0 Z" /><path d="M520 260 a45 45 0 1 1 0 80" fill="none" stroke-width="14" /><rect x="250" y="420" width="300" height="16" rx="8" />',
  book: '<path d="M230 190 h150 a20 20 0 0 1 20 20 v240 a20 20 0 0 0 -20 -20 h-150 Z" /><path d="M570 190 h-150 a20 20 0 0 0 -20 20 v240 a20 20 0 0 1 20 -20 h150 Z" />',
  teapot:
    '<ellipse cx="400" cy="330" rx="150" ry="105" /><rect x="360" y="200" width="80" height="30" rx="12" /><path d="M250 320 q-90 -20 -110 -90" fill="none" stroke-width="18" /><path d="M550 290 a60 60 0 1 1 0 90" fill="none" stroke-width="16" />',
  cake: '<circle cx="400" cy="320" r="150" /><circle cx="400" cy="320" r="28" fill-opacity="0.35" /><path d="M300 250 q100 -60 200 0 M290 330 q110 -50 220 0 M310 400 q90 -40 180 0" fill="none" stroke-width="5" />',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function drawCover({
  title,
  subtitle,
  motif,
  palette,
}: {
  title: string;
  subtitle: string;
  motif: Motif;
  palette: Palette;
}): string {
  const { from, to, ink } = palette;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="800" height="600" fill="url(#bg)"/>
<circle cx="690" cy="90" r="160" fill="#ffffff" fill-opacity="0.18"/>
<circle cx="90" cy="560" r="200" fill="#ffffff" fill-opacity="0.12"/>
<g fill="${ink}" fill-opacity="0.82" stroke="${ink}" stroke-linecap="round" transform="translate(0 -40)">${motifs[motif]}</g>
<text x="400" y="500" text-anchor="middle" font-family="'Noto Serif CJK SC','Songti SC','SimSun',serif" font-size="44" font-weight="700" fill="${ink}">${escapeXml(title)}</text>
<text x="400" y="550" text-anchor="middle" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="24" fill="${ink}" fill-opacity="0.75">${escapeXml(subtitle)}</text>
</svg>`;
}
