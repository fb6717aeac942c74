/**
 * The years slider: the network as it stood up to a year (links newer than it, and authors with
 * none older, are hidden by the renderer), and Play, which steps through the years.
 */
import { byId } from './dom';
import { yearSpan, type Network } from './network';
import type { Renderer } from './renderer';

const STEP_MS = 700;

export function createTimeSlider(graph: Network, renderer: Renderer) {
  const slider = byId<HTMLInputElement>('year');
  const label = byId('year-label');
  const play = byId<HTMLButtonElement>('play');
  let playing: ReturnType<typeof setInterval> | undefined;

  const describe = () => (renderer.view.year == null ? `all years (${slider.min}–${slider.max})` : `up to ${renderer.view.year}`);

  const showUpTo = (year: number) => {
    renderer.view.year = year >= Number(slider.max) ? null : year;
    slider.value = String(year);
    label.textContent = describe();
    renderer.refresh();
  };

  const stop = () => {
    clearInterval(playing);
    playing = undefined;
    play.textContent = 'Play';
  };

  slider.addEventListener('input', () => showUpTo(Number(slider.value)));
  play.addEventListener('click', () => {
    if (playing) return stop();
    play.textContent = 'Pause';
    let year = Number(slider.min);
    showUpTo(year);
    playing = setInterval(() => {
      showUpTo(++year);
      if (year >= Number(slider.max)) stop();
    }, STEP_MS);
  });

  return {
    /** After the drawing changed: the slider spans the years its links cover. */
    update() {
      const span = yearSpan(graph);
      slider.disabled = play.disabled = !span;
      if (!span) return void (label.textContent = '');
      slider.min = String(span[0]);
      slider.max = String(span[1]);
      if (renderer.view.year == null) slider.value = String(span[1]);
      label.textContent = describe();
    },
  };
}
