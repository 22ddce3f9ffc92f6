// Export of what the panel draws. SVG: Mermaid's markup as it is. PNG: the diagram drawn again with plain
// SVG text labels (an SVG holding HTML labels would taint the canvas and forbid reading its pixels), then
// painted at 2× on a canvas. Markdown: the Mermaid source in a ```mermaid block.

export function svgDocument(svg: string): string {
  return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
}

export function markdownDocument(source: string, caption: string): string {
  return `# Flow diagram\n\n${caption}\n\n\`\`\`mermaid\n${source.trimEnd()}\n\`\`\`\n`;
}

function sizeOfSvg(svg: string): { width: number; height: number } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const box = root.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box[2]! > 0 && box[3]! > 0) return { width: box[2]!, height: box[3]! };
  return { width: 800, height: 600 };
}

/** Largest canvas side Chromium paints reliably. */
const MAX_SIDE = 16_000;

export async function pngDataUrl(svg: string, background: string): Promise<string> {
  const { width, height } = sizeOfSvg(svg);
  const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height);
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  doc.documentElement.setAttribute('width', String(width));
  doc.documentElement.setAttribute('height', String(height));
  const markup = new XMLSerializer().serializeToString(doc);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = background || '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
