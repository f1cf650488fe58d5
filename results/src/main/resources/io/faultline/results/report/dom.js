'use strict';
// DOM helpers. History data only ever reaches the page through text nodes and attributes set by
// property or setAttribute: never innerHTML.

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'onclick') node.addEventListener('click', v);
      else node.setAttribute(k, String(v));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else if (c instanceof Node) node.appendChild(c);
    else node.appendChild(document.createTextNode(String(c)));
  }
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children) {
    if (c === undefined || c === null) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function badge(verdict) {
  const label = verdict === 'true' ? 'valid' : verdict === 'false' ? 'invalid' : verdict === 'none' ? 'no verdict' : 'unknown';
  return el('span', {class: 'badge v-' + verdict, text: label});
}

function fmt(x, digits) {
  if (typeof x !== 'number' || !isFinite(x)) return String(x);
  return x.toLocaleString('en-US', {maximumFractionDigits: digits === undefined ? 2 : digits});
}

function seconds(s) {
  return s < 0 ? '—' : fmt(s, 3) + ' s';
}

// A collapsible tree of any JSON value; big nodes render their children only when opened.
function jsonTree(value, depth) {
  depth = depth || 0;
  if (value === null) return el('span', {class: 'lit', text: 'null'});
  if (typeof value === 'string') return el('span', {class: 'str', text: JSON.stringify(value)});
  if (typeof value === 'number') return el('span', {class: 'num', text: String(value)});
  if (typeof value === 'boolean') return el('span', {class: 'lit', text: String(value)});
  const isArray = Array.isArray(value);
  const keys = isArray ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return el('span', {text: isArray ? '[]' : '{}'});
  const details = el('details', {},
    el('summary', {text: isArray ? '[' + keys.length + ' items]' : '{' + keys.slice(0, 6).join(', ') + (keys.length > 6 ? ', …' : '') + '}'}));
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    const limit = 500;
    for (const k of keys.slice(0, limit)) {
      details.appendChild(el('div', {class: 'row'}, el('span', {class: 'key', text: isArray ? k + ': ' : k + ': '}),
        jsonTree(value[k], depth + 1)));
    }
    if (keys.length > limit) details.appendChild(el('div', {class: 'row note', text: '… ' + (keys.length - limit) + ' more'}));
  };
  details.addEventListener('toggle', fill);
  if (depth < 2 && keys.length <= 30) {
    details.open = true;
    fill();
  }
  return el('div', {class: 'json'}, details);
}
