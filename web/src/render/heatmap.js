// A grid of values as a heat map (viridis: perceptually uniform, readable without colour
// vision, light and dark) with contour lines. Renderers only: they draw what they are given.

// Viridis at nine stops (matplotlib's table); colours between are interpolated.
const VIRIDIS = [[68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37]];

/** The colour of t in [0, 1]. */
export function viridis(t) {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  return VIRIDIS[i].map((c, k) => Math.round(c + f * (VIRIDIS[i + 1][k] - c)));
}

// 256 colours, looked up per pixel: a map is 16,384 pixels, redrawn while dragging.
const TABLE = (() => {
  const table = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) table.set([...viridis(i / 255), 255], 4 * i);
  return table;
})();

/** The grid's values (n × n, row-major from the top) into a canvas of n × n pixels, lo to hi. */
export function drawHeatmap(canvas, values, n, lo, hi) {
  const context = canvas.getContext('2d');
  const image = context.createImageData(n, n);
  const scale = 255 / (hi - lo || 1);
  const data = image.data;
  for (let i = 0; i < n * n; i++) {
    const c = 4 * Math.min(255, Math.max(0, Math.round((values[i] - lo) * scale)));
    data[4 * i] = TABLE[c];
    data[4 * i + 1] = TABLE[c + 1];
    data[4 * i + 2] = TABLE[c + 2];
    data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** A legend bar from lo to hi. */
export function drawLegend(canvas) {
  const context = canvas.getContext('2d');
  const w = canvas.width;
  for (let x = 0; x < w; x++) {
    const [r, g, b] = viridis(x / (w - 1));
    context.fillStyle = `rgb(${r},${g},${b})`;
    context.fillRect(x, 0, 1, canvas.height);
  }
}

/**
 * Contour lines at `levels` of the grid, by marching squares, as an SVG path in the grid's own
 * coordinates (cell centres at i + 0.5), to 0.1 of a cell.
 */
export function contourPath(values, n, levels) {
  const out = [];
  const r = (x) => Math.round(x * 10) / 10;
  const xs = new Float64Array(4), ys = new Float64Array(4);
  for (const level of levels) {
    for (let b = 0; b < n - 1; b++) {
      for (let a = 0; a < n - 1; a++) {
        const v0 = values[b * n + a], v1 = values[b * n + a + 1], v2 = values[(b + 1) * n + a + 1], v3 = values[(b + 1) * n + a];
        const inside = (v0 < level) + (v1 < level) + (v2 < level) + (v3 < level);
        if (inside === 0 || inside === 4) continue;
        let k = 0;
        // Edges: top (0-1), right (1-2), bottom (3-2), left (0-3): where the level crosses each.
        if ((v0 < level) !== (v1 < level)) { xs[k] = a + (level - v0) / (v1 - v0); ys[k++] = b; }
        if ((v1 < level) !== (v2 < level)) { xs[k] = a + 1; ys[k++] = b + (level - v1) / (v2 - v1); }
        if ((v3 < level) !== (v2 < level)) { xs[k] = a + (level - v3) / (v2 - v3); ys[k++] = b + 1; }
        if ((v0 < level) !== (v3 < level)) { xs[k] = a; ys[k++] = b + (level - v0) / (v3 - v0); }
        for (let p = 0; p + 1 < k; p += 2) out.push(`M${r(xs[p] + 0.5)},${r(ys[p] + 0.5)}L${r(xs[p + 1] + 0.5)},${r(ys[p + 1] + 0.5)}`);
      }
    }
  }
  return out.join('');
}
