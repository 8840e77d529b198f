// `npx tsx scripts/icons.ts`: draws the app's icons from the logo (components/logo.tsx) and writes
// them where they are served: app/icon.svg and app/favicon.ico (the tab), app/apple-icon.png (an iOS
// home screen, which fills transparency with black), and public/icons/ for the web app manifest
// (app/manifest.ts). The files are committed; run this again only when the logo changes. Uses sharp,
// which Next.js installs for image optimisation.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

// The logo's shapes, as components/logo.tsx draws them on its 32-unit grid.
const LOGO = [
  '<rect x="4" y="8" width="24" height="20" rx="4" fill="#0f766e"/>',
  '<rect x="4" y="8" width="24" height="6" rx="3" fill="#115e59"/>',
  '<path d="M16 24c0-6 1-9 4-12M16 13c-3-4-8-4-10-2 3 0 6 1 8 3m2-1c2-4 7-5 10-3-3 0-6 1-8 4" stroke="#fef3c7" stroke-width="2" fill="none" stroke-linecap="round"/>',
].join("");

// The logo alone, for browser tabs.
const TAB_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="2 4 28 26">${LOGO}</svg>\n`;

// On a square tile with room around it: launchers may crop an icon to a circle ("maskable") and
// keep only the middle four fifths.
function tile(background: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 17) scale(0.72) translate(-16 -18)">${LOGO}</g></svg>`;
}

function png(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 * (size / 28) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

// An ICO file whose images are PNGs (every browser of the last decade reads them).
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

const root = process.cwd();
await mkdir(path.join(root, "public", "icons"), { recursive: true });
await writeFile(path.join(root, "app", "icon.svg"), TAB_ICON);
const favicon = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(TAB_ICON, size) })));
await writeFile(path.join(root, "app", "favicon.ico"), ico(favicon));
await writeFile(path.join(root, "app", "apple-icon.png"), await png(tile("#ffffff"), 180));
for (const size of [192, 512]) await writeFile(path.join(root, "public", "icons", `icon-${size}.png`), await png(tile("#f0fdfa"), size));
console.log("icons written");
