// Pages are preact components rendered to a string on the server: every value a person typed
// is escaped by the renderer itself (never by hand), and bidirectional controls are removed
// before it (neutraliseBidi through the `Text` helper and every attribute value).
//
// Inline <script> and <style> elements run under the Content-Security-Policy only with the
// response's nonce (src/api/security-headers.ts). Every such element a component writes
// carries a placeholder that the server replaces with that nonce as the page leaves: code
// writes elements, so code gets the nonce; text a person typed is escaped and can never
// become an element, so it never does.
import { randomBytes } from 'node:crypto';
import type { ComponentChildren, VNode } from 'preact';
import { options } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { neutraliseBidi } from '../../domain/text';

/**
 * Stand-ins for the response's nonces, random per process and never sent (the server
 * replaces them in every HTML answer), so no one outside can write them into a page.
 */
export const NONCE_PLACEHOLDERS = {
  script: `hbc-script-nonce-${randomBytes(12).toString('hex')}`,
  style: `hbc-style-nonce-${randomBytes(12).toString('hex')}`,
} as const;

// One place for the bidi rule: every string child and attribute the renderer sees passes
// through neutraliseBidi, whichever component produced it. And one for the nonces.
const previousVnode = options.vnode;
options.vnode = (vnode) => {
  const props = vnode.props as Record<string, unknown>;
  for (const key of Object.keys(props)) {
    const value = props[key];
    if (typeof value === 'string') props[key] = neutraliseBidi(value);
    if (key === 'children') props[key] = cleanChildren(value);
  }
  if (vnode.type === 'script' || vnode.type === 'style') props.nonce = NONCE_PLACEHOLDERS[vnode.type];
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
