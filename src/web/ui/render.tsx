// Pages are preact components rendered to a string on the server: every value a person typed
// is escaped by the renderer itself (never by hand), and bidirectional controls are removed
// before it (neutraliseBidi through the `Text` helper and every attribute value).
import type { ComponentChildren, VNode } from 'preact';
import { options } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { neutraliseBidi } from '../../domain/text';

// One place for the bidi rule: every string child and attribute the renderer sees passes
// through neutraliseBidi, whichever component produced it.
const previousVnode = options.vnode;
options.vnode = (vnode) => {
  const props = vnode.props as Record<string, unknown>;
  for (const key of Object.keys(props)) {
    const value = props[key];
    if (typeof value === 'string') props[key] = neutraliseBidi(value);
    if (key === 'children') props[key] = cleanChildren(value);
  }
  previousVnode?.(vnode);
};

function cleanChildren(children: unknown): unknown {
  if (typeof children === 'string') return neutraliseBidi(children);
  if (Array.isArray(children)) return children.map(cleanChildren);
  return children;
}

/** A whole page: the doctype and the rendered tree. */
export function renderPage(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}`;
}

/** A fragment (for tests and for parts of pages built apart). */
export function renderFragment(node: ComponentChildren): string {
  return renderToString(<>{node}</>);
}
