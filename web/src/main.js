// Minimal page: two logits in, softmax out, from the wasm core.
const status = document.getElementById('status');
LossCore.loadLossCore().then((core) => {
  const inputs = [document.getElementById('dog'), document.getElementById('cat')];
  const outputs = [document.getElementById('dog-p'), document.getElementById('cat-p')];
  const update = () => {
    try {
      const p = core.softmax(inputs.map((i) => i.valueAsNumber));
      p.forEach((v, i) => { outputs[i].textContent = v.toFixed(4); });
      status.textContent = 'Computed by the wasm core.';
    } catch (error) {
      status.textContent = error.message;
    }
  };
  inputs.forEach((i) => i.addEventListener('input', update));
  update();
}, (error) => { status.textContent = error.message; });
