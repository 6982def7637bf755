import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

// Small line icons drawn on a 24×24 grid (in the style of Feather, MIT). Every shape is written as
// path data so the template needs one element type and no innerHTML.
const line = (x1: number, y1: number, x2: number, y2: number) => `M${x1} ${y1}L${x2} ${y2}`;
const poly = (...p: number[]) => 'M' + p.reduce<string[]>((acc, v, i) => (i % 2 ? acc : [...acc, `${v} ${p[i + 1]}`]), []).join('L');
const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
const rect = (x: number, y: number, w: number, h: number, r = 2) =>
  `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1 ${-r} ${r}h${-(w - 2 * r)}a${r} ${r} 0 0 1 ${-r} ${-r}v${-(h - 2 * r)}a${r} ${r} 0 0 1 ${r} ${-r}z`;

const ICONS = {
  home: ['M3 9l9-7 9 7v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z', poly(9, 22, 9, 12, 15, 12, 15, 22)],
  map: ['M21 10c0 7-9 13-9 13s-9-6-9-13a9 9 0 0 1 18 0z', circle(12, 10, 3)],
  search: [circle(11, 11, 8), line(21, 21, 16.65, 16.65)],
  plan: ['M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2', rect(8, 2, 8, 4, 1), line(8, 12, 16, 12), line(8, 16, 13, 16)],
  tag: ['M20.59 13.41l-7.17 7.17a2 2 0 0 1-2.83 0L2 12V2h10l8.59 8.59a2 2 0 0 1 0 2.82z', line(7, 7, 7.01, 7)],
  wallet: [rect(1, 4, 22, 16), line(1, 10, 23, 10)],
  chart: [line(12, 20, 12, 10), line(18, 20, 18, 4), line(6, 20, 6, 16)],
  users: ['M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2', circle(9, 7, 4), 'M23 21v-2a4 4 0 0 0-3-3.87', 'M16 3.13a4 4 0 0 1 0 7.75'],
  user: ['M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2', circle(12, 7, 4)],
  building: [rect(4, 2, 16, 20), line(9, 22, 9, 18), line(15, 22, 15, 18), line(8, 6, 8.01, 6), line(12, 6, 12.01, 6), line(16, 6, 16.01, 6), line(8, 10, 8.01, 10), line(12, 10, 12.01, 10), line(16, 10, 16.01, 10), line(8, 14, 8.01, 14), line(12, 14, 12.01, 14), line(16, 14, 16.01, 14)],
  shield: ['M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z'],
  logout: ['M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4', poly(16, 17, 21, 12, 16, 7), line(21, 12, 9, 12)],
  menu: [line(3, 12, 21, 12), line(3, 6, 21, 6), line(3, 18, 21, 18)],
  close: [line(18, 6, 6, 18), line(6, 6, 18, 18)],
  copy: [rect(9, 9, 13, 13), 'M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1'],
  chevronRight: [poly(9, 18, 15, 12, 9, 6)],
  chevronLeft: [poly(15, 18, 9, 12, 15, 6)],
  check: [poly(20, 6, 9, 17, 4, 12)],
  alert: [circle(12, 12, 10), line(12, 8, 12, 12), line(12, 16, 12.01, 16)],
  info: [circle(12, 12, 10), line(12, 16, 12, 12), line(12, 8, 12.01, 8)],
  globe: [circle(12, 12, 10), line(2, 12, 22, 12), 'M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z'],
  plus: [line(12, 5, 12, 19), line(5, 12, 19, 12)],
  edit: ['M17 3a2.83 2.83 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5L17 3z'],
  trash: [poly(3, 6, 5, 6, 21, 6), 'M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6m3 0V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2'],
  clock: [circle(12, 12, 10), poly(12, 6, 12, 12, 16, 14)],
  key: ['M21 2l-2 2m-7.61 7.61a5.5 5.5 0 1 1-7.78 7.78 5.5 5.5 0 0 1 7.78-7.78zm0 0L15.5 7.5m0 0l3 3L22 7l-3-3m-3.5 3.5L19 4'],
  layers: [poly(12, 2, 2, 7, 12, 12, 22, 7, 12, 2), poly(2, 17, 12, 22, 22, 17), poly(2, 12, 12, 17, 22, 12)],
  refresh: [poly(23, 4, 23, 10, 17, 10), poly(1, 20, 1, 14, 7, 14), 'M3.51 9a9 9 0 0 1 14.85-3.36L23 10M1 14l4.64 4.36A9 9 0 0 0 20.49 15'],
  bell: ['M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9', 'M13.73 21a2 2 0 0 1-3.46 0'],
  message: ['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z'],
  thumbsUp: ['M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3'],
  chevronDown: [poly(6, 9, 12, 15, 18, 9)],
  undo: [poly(1, 4, 1, 10, 7, 10), 'M3.51 15a9 9 0 1 0 2.13-9.36L1 10'],
  arrowRight: [line(5, 12, 19, 12), poly(12, 5, 19, 12, 12, 19)],
  download: ['M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4', poly(7, 10, 12, 15, 17, 10), line(12, 15, 12, 3)],
  upload: ['M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4', poly(17, 8, 12, 3, 7, 8), line(12, 3, 12, 15)],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof ICONS;

/** `<app-icon name="search" />`: decorative by default; give `label` when the icon alone carries meaning. */
@Component({
  selector: 'app-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'icon' },
  template: `<svg
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 24 24"
    [attr.width]="size()"
    [attr.height]="size()"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    focusable="false"
    [attr.aria-hidden]="label() ? null : 'true'"
    [attr.role]="label() ? 'img' : null"
    [attr.aria-label]="label()"
  >
    @for (d of paths(); track $index) {
      <path [attr.d]="d" />
    }
  </svg>`,
  styles: `:host { display: inline-flex; flex: none; line-height: 0; } svg { display: block; }`,
})
export class Icon {
  readonly name = input.required<IconName>();
  readonly size = input<number>(20);
  readonly label = input<string | null>(null);
  protected readonly paths = computed(() => ICONS[this.name()]);
}
