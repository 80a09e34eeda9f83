import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_ILLUSTRATION } from '../../../core/content/prescribed-routine';
import { bundledContentDir, loadValidContentDir } from '../../../exercises/load-content';

/**
 * The drawings in `assets/illustrations/`, checked without a browser: each is
 * well-formed XML built from a few plain shapes, follows the house style (the
 * page's colour through `currentColor`, no script, style or links), and draws
 * something of a sensible size inside its 240 × 160 frame. The shapes'
 * geometry is worked out here (paths, curves, arcs and transforms), so a
 * drawing that is empty, tiny or spills off the frame fails.
 * `node scripts/contact-sheet.mjs` draws them all in Chromium to look at.
 */

const drawingsDir = join(bundledContentDir, '..', 'assets', 'illustrations');
const { exercises } = loadValidContentDir(bundledContentDir);
const drawingFiles = readdirSync(drawingsDir).filter((name) => name.endsWith('.svg'));
const read = (file: string) => readFileSync(join(drawingsDir, file), 'utf8');

// --- a strict little XML reader: enough for our drawings, and it refuses anything else -------------

interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  children: SvgElement[];
}

const shapeNames = ['line', 'circle', 'ellipse', 'rect', 'polyline', 'polygon', 'path'];
const allowedAttributes: Record<string, string[]> = {
  svg: ['xmlns', 'viewBox'],
  g: ['transform'],
  line: ['x1', 'y1', 'x2', 'y2'],
  circle: ['cx', 'cy', 'r'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
  polyline: ['points'],
  polygon: ['points'],
  path: ['d'],
};
const presentation = ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'opacity', 'class'];

function parseSvg(text: string): SvgElement {
  const stack: SvgElement[] = [];
  let root: SvgElement | null = null;
  const tag = /<(\/?)([a-z]+)((?:\s+[a-zA-Z][a-zA-Z0-9-]*="[^"<>&]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < text.length) {
    const nextTag = text.indexOf('<', at);
    const between = text.slice(at, nextTag === -1 ? text.length : nextTag);
    if (between.trim() !== '') throw new Error(`text outside a tag: "${between.trim().slice(0, 30)}"`);
    if (nextTag === -1) break;
    tag.lastIndex = nextTag;
    const match = tag.exec(text);
    if (!match) throw new Error(`not a well-formed tag at character ${nextTag}: "${text.slice(nextTag, nextTag + 40)}"`);
    const [whole, closing, name, attributeText, selfClosing] = match as unknown as [string, string, string, string, string];
    at = nextTag + whole.length;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText.matchAll(/([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g)) {
      if (key! in attributes) throw new Error(`<${name}> repeats ${key}`);
      attributes[key!] = value!;
    }
    const element: SvgElement = { name, attributes, children: [] };
    if (stack.length === 0) {
      if (root) throw new Error('more than one root element');
      root = element;
    } else stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no element');
  return root;
}

/** Every way a drawing breaks the house rules, in words. */
function houseRuleProblems(root: SvgElement): string[] {
  const problems: string[] = [];
  const { attributes } = root;
  if (root.name !== 'svg') problems.push(`the root is <${root.name}>, not <svg>`);
  if (attributes.xmlns !== 'http://www.w3.org/2000/svg') problems.push('the root lacks the SVG namespace');
  if (attributes.viewBox !== '0 0 240 160') problems.push(`viewBox is "${attributes.viewBox}", not "0 0 240 160"`);
  if (attributes.fill !== 'none' || attributes.stroke !== 'currentColor') problems.push('the root must set fill="none" and stroke="currentColor"');
  const visit = (element: SvgElement) => {
    const allowed = allowedAttributes[element.name];
    if (!allowed) problems.push(`<${element.name}> is not one of the plain shapes`);
    for (const [key, value] of Object.entries(element.attributes)) {
      if (!allowed?.includes(key) && !presentation.includes(key)) problems.push(`<${element.name}> has ${key}`);
      if ((key === 'fill' || key === 'stroke') && !['none', 'currentColor'].includes(value)) problems.push(`<${element.name}> sets ${key}="${value}", a fixed colour`);
      if (key === 'class' && !['floor', 'accent'].includes(value)) problems.push(`<${element.name}> has class "${value}"`);
    }
    if (shapeNames.includes(element.name) && element.children.length > 0) problems.push(`<${element.name}> has children`);
    element.children.forEach(visit);
  };
  visit(root);
  return problems;
}

// --- geometry: the box every stroke covers ---------------------------------------------------------

type Point = [number, number];
type Matrix = [number, number, number, number, number, number];
interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const identity: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = ([a, b, c, d, e, f]: Matrix, [g, h, i, j, k, l]: Matrix): Matrix => [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
const apply = ([a, b, c, d, e, f]: Matrix, [x, y]: Point): Point => [a * x + c * y + e, b * x + d * y + f];
const numbers = (text: string) => (text.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi) ?? []).map(Number);

function parseTransform(text = ''): Matrix {
  let matrix = identity;
  for (const [, kind, args] of text.matchAll(/(translate|scale)\(([^)]*)\)/g)) {
    const [x = 0, y] = numbers(args!);
    matrix = multiply(matrix, kind === 'translate' ? [1, 0, 0, 1, x, y ?? 0] : [x, 0, 0, y ?? x, 0, 0]);
  }
  if (text.replace(/(translate|scale)\([^)]*\)/g, '').trim() !== '') throw new Error(`only translate and scale are used: "${text}"`);
  return matrix;
}

/** Points along a cubic Bézier curve (quadratics are raised to cubics first). */
function cubicPoints(p0: Point, p1: Point, p2: Point, p3: Point): Point[] {
  return Array.from({ length: 33 }, (_, n) => {
    const t = n / 32;
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
    return [w[0] * p0[0] + w[1] * p1[0] + w[2] * p2[0] + w[3] * p3[0], w[0] * p0[1] + w[1] * p1[1] + w[2] * p2[1] + w[3] * p3[1]];
  });
}

/** Points along an elliptical arc, from its endpoints as a path writes it (SVG 1.1, F.6.5). */
function arcPoints([x1, y1]: Point, rx: number, ry: number, rotation: number, large: boolean, sweep: boolean, [x2, y2]: Point): Point[] {
  if (rx === 0 || ry === 0) return [[x2, y2]];
  const phi = (rotation * Math.PI) / 180;
  const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const x1p = cos * dx + sin * dy;
  const y1p = -sin * dx + cos * dy;
  const scale = Math.max(1, Math.sqrt((x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry)));
  rx *= scale;
  ry *= scale;
  const numerator = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const root = Math.sqrt(Math.max(0, numerator / (rx * rx * y1p * y1p + ry * ry * x1p * x1p))) * (large === sweep ? -1 : 1);
  const cxp = (root * rx * y1p) / ry;
  const cyp = (-root * ry * x1p) / rx;
  const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const start = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  let delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const [cx, cy] = [cos * cxp - sin * cyp + (x1 + x2) / 2, sin * cxp + cos * cyp + (y1 + y2) / 2];
  return Array.from({ length: 33 }, (_, n) => {
    const theta = start + (delta * n) / 32;
    const [ex, ey] = [rx * Math.cos(theta), ry * Math.sin(theta)];
    return [cx + cos * ex - sin * ey, cy + sin * ex + cos * ey];
  });
}

/** The points a path's outline passes through, curves sampled finely. */
function pathPoints(d: string): Point[] {
  const points: Point[] = [];
  let current: Point = [0, 0];
  let start: Point = [0, 0];
  let lastControl: Point | null = null;
  let lastCommand = '';
  const commands = d.match(/[MLHVCSQTAZ][^MLHVCSQTAZ]*/gi);
  if (!commands || d.replace(/[MLHVCSQTAZ][^MLHVCSQTAZ]*/gi, '').trim() !== '') throw new Error(`unreadable path "${d}"`);
  for (const command of commands) {
    const letter = command[0]!;
    const upper = letter.toUpperCase();
    const relative = letter !== upper;
    const args = numbers(command.slice(1));
    const perStep = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 }[upper]!;
    if (perStep === 0 ? args.length > 0 : args.length === 0 || args.length % perStep !== 0) throw new Error(`"${command}" has the wrong number of values`);
    const steps = perStep === 0 ? [[]] : Array.from({ length: args.length / perStep }, (_, n) => args.slice(n * perStep, (n + 1) * perStep));
    steps.forEach((values, index) => {
      const at = (x: number, y: number): Point => (relative ? [current[0] + x, current[1] + y] : [x, y]);
      const kind = upper === 'M' && index > 0 ? 'L' : upper;
      const reflect = (): Point => (lastControl && ['C', 'S', 'Q', 'T'].includes(lastCommand) ? [2 * current[0] - lastControl[0], 2 * current[1] - lastControl[1]] : current);
      let end: Point;
      let control: Point | null = null;
      switch (kind) {
        case 'M':
          end = at(values[0]!, values[1]!);
          start = end;
          points.push(end);
          break;
        case 'L':
          end = at(values[0]!, values[1]!);
          points.push(end);
          break;
        case 'H':
          end = [relative ? current[0] + values[0]! : values[0]!, current[1]];
          points.push(end);
          break;
        case 'V':
          end = [current[0], relative ? current[1] + values[0]! : values[0]!];
          points.push(end);
          break;
        case 'C':
        case 'S': {
          const c1 = kind === 'C' ? at(values[0]!, values[1]!) : reflect();
          const rest = kind === 'C' ? values.slice(2) : values;
          control = at(rest[0]!, rest[1]!);
          end = at(rest[2]!, rest[3]!);
          points.push(...cubicPoints(current, c1, control, end));
          break;
        }
        case 'Q':
        case 'T': {
          control = kind === 'Q' ? at(values[0]!, values[1]!) : reflect();
          end = kind === 'Q' ? at(values[2]!, values[3]!) : at(values[0]!, values[1]!);
          const toCubic = (from: Point): Point => [from[0] + (2 / 3) * (control![0] - from[0]), from[1] + (2 / 3) * (control![1] - from[1])];
          points.push(...cubicPoints(current, toCubic(current), toCubic(end), end));
          break;
        }
        case 'A':
          end = at(values[5]!, values[6]!);
          points.push(...arcPoints(current, Math.abs(values[0]!), Math.abs(values[1]!), values[2]!, values[3] !== 0, values[4] !== 0, end));
          break;
        default:
          end = start;
      }
      lastControl = control;
      lastCommand = kind;
      current = end;
    });
  }
  return points;
}

function shapePoints(element: SvgElement): Point[] {
  const n = (key: string) => Number(element.attributes[key] ?? 0);
  switch (element.name) {
    case 'line':
      return [
        [n('x1'), n('y1')],
        [n('x2'), n('y2')],
      ];
    case 'circle':
    case 'ellipse': {
      const [rx, ry] = element.name === 'circle' ? [n('r'), n('r')] : [n('rx'), n('ry')];
      return Array.from({ length: 32 }, (_, k) => [n('cx') + rx * Math.cos((k * Math.PI) / 16), n('cy') + ry * Math.sin((k * Math.PI) / 16)]);
    }
    case 'rect':
      return [
        [n('x'), n('y')],
        [n('x') + n('width'), n('y') + n('height')],
      ];
    case 'polyline':
    case 'polygon': {
      const values = numbers(element.attributes.points ?? '');
      if (values.length < 4 || values.length % 2 !== 0) throw new Error(`<${element.name}> has an odd or short list of points`);
      return Array.from({ length: values.length / 2 }, (_, k) => [values[2 * k]!, values[2 * k + 1]!]);
    }
    case 'path':
      return pathPoints(element.attributes.d ?? '');
    default:
      return [];
  }
}

/** The box covered by every stroke (half the stroke's width around the outline), and the figure's box without the floor. */
function drawnBoxes(root: SvgElement): { all: Box; figure: Box; shapes: number } {
  const empty = (): Box => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });
  const all = empty();
  const figure = empty();
  let shapes = 0;
  const grow = (box: Box, [x, y]: Point, pad: number) => {
    box.minX = Math.min(box.minX, x - pad);
    box.minY = Math.min(box.minY, y - pad);
    box.maxX = Math.max(box.maxX, x + pad);
    box.maxY = Math.max(box.maxY, y + pad);
  };
  const visit = (element: SvgElement, matrix: Matrix, strokeWidth: number, isFloor: boolean) => {
    const here = multiply(matrix, parseTransform(element.attributes.transform));
    const width = Number(element.attributes['stroke-width'] ?? strokeWidth);
    const floor = isFloor || element.attributes.class === 'floor';
    const points = shapePoints(element).map((point) => apply(here, point));
    if (points.length > 0) shapes++;
    const pad = (width * Math.abs(here[0])) / 2;
    for (const point of points) {
      grow(all, point, pad);
      if (!floor) grow(figure, point, pad);
    }
    for (const child of element.children) visit(child, here, width, floor);
  };
  visit(root, identity, Number(root.attributes['stroke-width'] ?? 1), false);
  return { all, figure, shapes };
}

// --- the tests -----------------------------------------------------------------------------------

describe('the drawings', () => {
  it('has a drawing for every exercise, and every drawing is used (the placeholder aside)', () => {
    for (const exercise of exercises) expect(drawingFiles, exercise.id).toContain(exercise.illustration);
    const used = new Set([...exercises.map((e) => e.illustration), PLACEHOLDER_ILLUSTRATION]);
    expect(drawingFiles.filter((file) => !used.has(file))).toEqual([]);
  });

  it.each(drawingFiles)('%s is well-formed SVG that follows the house style', (file) => {
    const text = read(file);
    expect(text).not.toMatch(/<script|<style|<!|<\?|\bon[a-z]+=|href|url\(|#[0-9a-f]{3,6}\b/i);
    expect(houseRuleProblems(parseSvg(text))).toEqual([]);
  });

  it.each(drawingFiles)('%s draws a figure of a sensible size inside its frame', (file) => {
    const { all, figure, shapes } = drawnBoxes(parseSvg(read(file)));
    expect(shapes).toBeGreaterThanOrEqual(3);
    // Nothing is cut off at the frame's edge.
    expect(all.minX).toBeGreaterThanOrEqual(0);
    expect(all.minY).toBeGreaterThanOrEqual(0);
    expect(all.maxX).toBeLessThanOrEqual(240);
    expect(all.maxY).toBeLessThanOrEqual(160);
    // The figure itself (the floor aside) fills a good part of the frame: wide when lying, tall when standing.
    const [width, height] = [figure.maxX - figure.minX, figure.maxY - figure.minY];
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(30);
    expect(Math.max(width, height)).toBeGreaterThanOrEqual(100);
  });
});

describe('the drawing checks themselves', () => {
  const frame = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 160" fill="none" stroke="currentColor" stroke-width="6">${body}</svg>`;

  it('refuse markup that is not well-formed', () => {
    expect(() => parseSvg(frame('<circle cx="1" cy="1" r="3">'))).toThrow('</svg> closes <circle>');
    expect(() => parseSvg(frame('').replace('</svg>', ''))).toThrow('<svg> is never closed');
    expect(() => parseSvg(frame('<circle cx=1 cy="1" r="3"/>'))).toThrow(/well-formed/);
    expect(() => parseSvg(frame('hello'))).toThrow(/text outside/);
  });

  it('name a fixed colour, an unknown element or attribute, and a wrong frame', () => {
    const problems = houseRuleProblems(parseSvg(frame('<circle cx="1" cy="1" r="3" fill="red"/><text x="1"/><line x1="0" y1="0" x2="1" y2="1" filter="blur"/>')));
    expect(problems).toEqual(['<circle> sets fill="red", a fixed colour', '<text> is not one of the plain shapes', '<text> has x', '<line> has filter']);
    expect(houseRuleProblems(parseSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 16" fill="none" stroke="currentColor"/>'))).toEqual([
      'viewBox is "0 0 24 16", not "0 0 240 160"',
    ]);
  });

  it('measure curves, arcs and transforms by where they are drawn', () => {
    // A quadratic curve bulges only halfway to its control point.
    const curve = drawnBoxes(parseSvg(frame('<path d="M10 100Q60 0 110 100" stroke-width="2"/>'))).all;
    expect(curve.minY).toBeCloseTo(49, 5);
    expect(curve.maxY).toBeCloseTo(101, 5);
    // A half circle of radius 30 from (40,80) to (100,80), over the top.
    const arc = drawnBoxes(parseSvg(frame('<path d="M40 80A30 30 0 0 1 100 80" stroke-width="0"/>'))).all;
    expect(arc.minY).toBeCloseTo(50, 5);
    expect(arc.maxY).toBeCloseTo(80, 5);
    const moved = drawnBoxes(parseSvg(frame('<g transform="translate(100 10) scale(0.5)" stroke-width="4"><line x1="0" y1="0" x2="100" y2="0"/></g>'))).all;
    expect(moved).toEqual({ minX: 99, minY: 9, maxX: 151, maxY: 11 });
  });

  it('catch a drawing that spills off its frame', () => {
    const { all } = drawnBoxes(parseSvg(frame('<polyline points="200,20 245,20"/>')));
    expect(all.maxX).toBeGreaterThan(240);
  });
});
