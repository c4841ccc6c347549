// A labelled range input with its value shown beside it and an optional mark (e.g. break-even)
// drawn as a tick on the track. Keyboard: arrows, Page Up/Down, Home/End (native).
import { fill, h } from './dom.js';

let nextId = 1;

/** A slider; `onInput(value)` is called on every move. */
export function slider({ label, min, max, step, value, format, onInput, name }) {
  const id = `slider-${nextId++}`;
  const input = h('input', { id, type: 'range', min, max, step, value, list: `${id}-marks`, dataset: { knob: name } });
  const output = h('output', { for: id });
  const marks = h('datalist', { id: `${id}-marks` });
  const note = h('span', { class: 'mark-note' });
  const show = () => fill(output, format(Number(input.value)));
  input.addEventListener('input', () => {
    show();
    onInput(Number(input.value));
  });
  show();
  const element = h('div', { class: 'slider' }, h('label', { for: id }, label), input, output, marks, note);
  return {
    element,
    input,
    /** Moves the slider without calling onInput. */
    set(v) {
      input.value = String(v);
      show();
    },
    /** Sets the range. */
    range(lo, hi, s) {
      Object.assign(input, { min: String(lo), max: String(hi), step: String(s) });
    },
    /** Marks a value on the track with a note beside the slider (null clears). */
    mark(v, text) {
      fill(marks, v === null || v === undefined ? [] : h('option', { value: String(v) }));
      fill(note, text ?? '');
    },
  };
}
