// Grey-scale pictures: the input and the CNN's maps, one value a pixel.

/** Values from lo (black) to hi (white) into a canvas of the same size. */
export function drawGray(canvas, values, lo, hi) {
  const context = canvas.getContext('2d');
  const image = context.createImageData(canvas.width, canvas.height);
  const span = hi - lo || 1;
  for (let i = 0; i < values.length; i++) {
    const v = Math.round(Math.min(1, Math.max(0, (values[i] - lo) / span)) * 255);
    image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = v;
    image.data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
