import { describe, expect, it } from 'vitest';
import { describeFinding, findForbidden } from '../support/forbidden-calls';

const rules = (source: string) => findForbidden(source).map((f) => f.rule);

describe('forbidden-call scan of built JavaScript', () => {
  it.each([
    ['fetch(', 'fetch("https://example.com/x")'],
    ['fetch(', 'globalThis.fetch(u,{method:"POST"})'],
    ['fetch(', 'let r=await fetch (url)'],
    ['fetch(', 'fetchLater(url)'],
    ['XMLHttpRequest', 'const x=new XMLHttpRequest;x.open("GET",u)'],
    ['WebSocket', 'new WebSocket("wss://example.com")'],
    ['sendBeacon', 'navigator.sendBeacon(u,data)'],
    ['eval(', 'eval(code)'],
    ['eval(', 'window.eval("1+1")'],
    ['eval(', '(0,eval)("this")'],
    ['new Function', 'new Function("a","return a")'],
    ['new Function', 'let f=new Function;'],
    ['new Function', 'Function("return this")()'],
    ['EventSource', 'new EventSource("/events")'],
    ['importScripts', 'importScripts("https://example.com/w.js")'],
    ['WebTransport', 'new WebTransport(u)'],
    ['RTCPeerConnection', 'new RTCPeerConnection(cfg)'],
  ])('flags %s in %s', (rule, source) => {
    expect(rules(source)).toEqual([rule]);
    // And inside a minified line of other code.
    expect(rules(`var a=1;${source};function b(){return 2}`)).toEqual([rule]);
  });

  it.each([
    'prefetch(url)',
    'refetch()',
    'this.prefetchAll(x)',
    'myfetch(x)',
    'fetched(x)',
    'doc.evaluate("//text()",n,null,7,null)',
    'devtools:{inspectedWindow:{eval:{minArgs:1,maxArgs:2}}}',
    'medieval(x)',
    'isFunction(x)',
    'typeof x=="function"',
    'x instanceof Function',
    'AsyncFunction(x)',
    'sendBeacons',
    'XMLHttpRequestUpload2',
    'importScriptsLater()',
    'const t=`fetching ${n} items`',
  ])('does not flag the look-alike %s', (source) => {
    expect(rules(source)).toEqual([]);
  });

  it('reports every hit with its line, and a snippet of the code around it', () => {
    const source = 'const a = 1;\nconst b = 2; send(); navigator.sendBeacon(url, body); done();\nfetch(u);';
    const found = findForbidden(source, 'chunks/x.js');
    expect(found.map((f) => [f.rule, f.line])).toEqual([
      ['sendBeacon', 2],
      ['fetch(', 3],
    ]);
    expect(found[0].snippet).toContain('send(); navigator.sendBeacon(url, body); done();');
    expect(describeFinding(found[0])).toMatch(/^chunks\/x\.js:2: sendBeacon in …/);
  });
});
